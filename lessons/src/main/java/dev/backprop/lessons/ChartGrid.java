package dev.backprop.lessons;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.XYStyler;

/**
 * Several small charts in one figure, row by row under one title, as matplotlib's {@code plt.subplot} lays out the
 * workshop's "tuning hidden layer size" figure. Each panel is an ordinary XY chart built at the panel's size.
 */
public final class ChartGrid extends Chart<XYStyler, XYSeries> {

    private static final int TITLE_HEIGHT = 36;

    private final List<XYChart> panels;
    private final int columns;

    /**
     * @param panels charts built at {@link #panelWidth(int)} × {@code panelHeight}, e.g. by
     *               {@link Charts#decisionBoundary(String, dev.backprop.core.matrix.Matrix,
     *               dev.backprop.core.matrix.Matrix, java.util.function.UnaryOperator, int, int)}
     */
    public ChartGrid(String title, int columns, int panelHeight, List<XYChart> panels) {
        super(Charts.WIDTH, TITLE_HEIGHT + panelHeight * ((panels.size() + columns - 1) / columns), new XYStyler());
        if (panels.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("chart grid '" + title + "': needs panels and at least one column, got "
                    + panels.size() + " panels in " + columns + " columns");
        }
        setTitle(title);
        this.panels = List.copyOf(panels);
        this.columns = columns;
    }

    /** The width of one panel when {@code columns} panels share the figure's width. */
    public static int panelWidth(int columns) {
        return Charts.WIDTH / columns;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        setWidth(width);
        setHeight(height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        FontMetrics metrics = g.getFontMetrics();
        g.drawString(getTitle(), (width - metrics.stringWidth(getTitle())) / 2, (TITLE_HEIGHT + metrics.getAscent()) / 2);
        int rows = (panels.size() + columns - 1) / columns;
        int panelWidth = width / columns;
        int panelHeight = (height - TITLE_HEIGHT) / rows;
        AffineTransform original = g.getTransform();
        for (int k = 0; k < panels.size(); k++) {
            g.translate((k % columns) * panelWidth, TITLE_HEIGHT + (k / columns) * panelHeight);
            Graphics2D panel = (Graphics2D) g.create(0, 0, panelWidth, panelHeight);
            panels.get(k).paint(panel, panelWidth, panelHeight);
            panel.dispose();
            g.setTransform(original);
        }
    }
}
