package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house-prices lesson's key numbers: the deck's go-to-class worked example, and the synthetic table and its
 * least-squares fit against scripts/house_prices_reference.py (numpy).
 */
class HousePricesLessonTests {

    private static String printed;
    private static Map<String, Matrix> reference;

    @BeforeAll
    static void runLesson() throws Exception {
        RecordingSink recording = new RecordingSink();
        LessonRunner.run(new HousePricesLesson(), List.of(recording), Backends.cpu());
        assertThat(recording.failure()).isNull();
        printed = recording.printed();
        reference = readReference("house_prices_reference.txt");
    }

    @Test
    void theSyntheticTableIsNumpysDrawForDraw() {
        Dataset houses = HousePricesLesson.syntheticHouses(250, new NumpyRandom(19));
        assertThat(houses.X().toArray()).containsExactly(reference.get("X").toArray());
        assertThat(houses.Y().toArray()).containsExactly(reference.get("Y").toArray(), within(1e-9));
        assertThat(HousePricesLesson.price(5, 3, 3000)).isEqualTo(reference.get("deck_house_price").item());
        assertThat(printed).contains("the deck's house (5, 3, 3000) by the formula, without noise: USD 535k");
    }

    @Test
    void linearRegressionReachesTheLeastSquaresFit() {
        double[] wb = reference.get("least_squares_w_b").toArray();
        assertThat(printed).contains(String.format(java.util.Locale.ROOT,
                "price ≈ %.2f·bedrooms + %.2f·bathrooms + %.4f·sqft + %.2f", wb[0], wb[1], wb[2], wb[3]));
    }

    @Test
    void theNetworkBeatsTheStraightLineOnTestHouses() {
        double linear = number("linear regression: test RMSE = USD ([0-9.]+)k");
        double network = number("network \\[3, 16, 1\\]: test RMSE = USD ([0-9.]+)k");
        assertThat(network).isLessThan(linear).isGreaterThan(12.0);
    }

    @Test
    void logisticRegressionSaysWhetherWeCanAffordIt() {
        assertThat(number("accuracy train [0-9.]+ %, test ([0-9.]+) %")).isGreaterThan(90.0);
        assertThat(printed).contains("→ not affordable (σ(z) < 0.5)");
    }

    @Test
    void theGoToClassNetworkGivesTheDecksNumbers() {
        assertThat(printed).contains("z = 0.5·0.4 + 0.1·2 + 0.0058·17 + 0.2 = 0.6986 ≈ 0.7")
                .contains("ReLU(0.7) = 0.7").contains("ŷ = σ(W2·A1 + b2) = 0.45")
                .contains("L(ŷ, 1) = −log(ŷ) = 0.798508; the cost Sequential evaluates: 0.798508");
    }

    private static double number(String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(printed);
        assertThat(m.find()).as("printed %s", regex).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** Reads scripts/workshop_reference.py's format: "name rows cols", then the values as float.hex(). */
    static Map<String, Matrix> readReference(String resource) throws IOException {
        Map<String, Matrix> matrices = new HashMap<>();
        try (InputStream in = HousePricesLessonTests.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s (run scripts/house_prices_reference.py)", resource).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] header = line.split(" ");
                String[] values = reader.readLine().split(" ");
                double[] v = new double[values.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.parseDouble(values[i]);
                }
                matrices.put(header[0], Matrix.of(Integer.parseInt(header[1]), Integer.parseInt(header[2]), v));
            }
        }
        return matrices;
    }
}
