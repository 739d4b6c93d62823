package dev.backprop.lessons;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart a step shows: its file-friendly name (e.g. {@code decision-boundary}), the XChart chart, and the chart
 * rendered once as PNG bytes so every sink shows the same picture.
 */
public record Plot(String name, Chart<?, ?> chart, byte[] png) {
}
