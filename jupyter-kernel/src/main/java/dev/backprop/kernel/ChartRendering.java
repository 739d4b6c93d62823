package dev.backprop.kernel;

import dev.backprop.lessons.Plot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Charts as {@code image/png} display data: an XChart chart a cell ends with, or a lesson's {@link Plot}. */
final class ChartRendering {

    private ChartRendering() {
    }

    /** Teaches {@code renderer} to show charts and plots as PNG images. */
    static void register(Renderer renderer) {
        renderer.createRegistration(Chart.class).preferring(MIMEType.IMAGE_PNG)
                .register((chart, context) -> context.renderIfRequested(MIMEType.IMAGE_PNG,
                        () -> base64(png(chart))));
        renderer.createRegistration(Plot.class).preferring(MIMEType.IMAGE_PNG)
                .register((plot, context) -> context.renderIfRequested(MIMEType.IMAGE_PNG,
                        () -> base64(plot.png())));
    }

    /** An image output: the PNG, and for text-only frontends a line saying what it is. */
    static DisplayData image(byte[] png, String description) {
        DisplayData data = new DisplayData(description);
        data.putData(MIMEType.IMAGE_PNG, base64(png));
        return data;
    }

    /** A chart as PNG bytes, as the lessons render them. */
    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the chart '" + chart.getTitle() + "' as PNG", e);
        }
    }

    private static String base64(byte[] png) {
        return Base64.getEncoder().encodeToString(png);
    }
}
