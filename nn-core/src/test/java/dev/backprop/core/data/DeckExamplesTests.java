package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.matrix.Matrix;
import org.junit.jupiter.api.Test;

class DeckExamplesTests {

    @Test
    void theLineIsMinus7To14WithYEqualToXPlus10() {
        Dataset line = DeckExamples.line();
        assertThat(line.X()).isEqualTo(Matrix.row(-7, -4, -1, 2, 5, 8, 11, 14));
        assertThat(line.Y()).isEqualTo(Matrix.row(3, 6, 9, 12, 15, 18, 21, 24));
    }

    @Test
    void goToClassFirstNeuronGivesTheDecksZOf0Point7() {
        Dataset goToClass = DeckExamples.goToClass();
        DeckExamples.Neuron n = DeckExamples.goToClassNeuron();
        // z = 0.5·0.4 + 0.1·2 + 0.0058·17 + 0.2 = 0.6986 ≈ 0.7 on the slide
        assertThat(n.w().dot(goToClass.X()).item() + n.b()).isCloseTo(0.7, within(0.01));
        assertThat(-Math.log(0.45)).isCloseTo(0.798508, within(1e-6));
    }

    @Test
    void theHouseHasFiveBedroomsThreeBathroomsAnd3000SquareFeet() {
        assertThat(DeckExamples.house()).isEqualTo(Matrix.column(5, 3, 3000));
        assertThat(DeckExamples.HOUSE_FEATURES).containsExactly("bedrooms", "bathrooms", "square feet");
    }
}
