/** Measuring a model: accuracy, the confusion matrix, precision, recall and F1, and regression errors. */
package dev.backprop.core.metrics;
