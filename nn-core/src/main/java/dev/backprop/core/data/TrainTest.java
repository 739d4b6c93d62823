package dev.backprop.core.data;

/** A data set's training part and its test part, as MNIST ships them. {@code test} is null when a file has none. */
public record TrainTest(LabeledData train, LabeledData test) {
}
