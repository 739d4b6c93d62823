package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Dropout;
import dev.backprop.core.matrix.Matrix;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequentialNamedParametersTests {

    private static Sequential model(int seed) {
        return Sequential.of(new Dense(3, new Relu()), new Dropout(0.2), new Dense(2, new Softmax())).build(4, seed);
    }

    @Test
    void parametersAreNamedW1b1W2b2InOrderSkippingTheDropoutLayer() {
        Map<String, Matrix> named = model(1).namedParameters();
        assertThat(named.keySet()).containsExactly("W1", "b1", "W2", "b2");
        assertThat(named.get("W1").shape().compact()).isEqualTo("(3,4)");
        assertThat(named.get("b2").shape().compact()).isEqualTo("(2,1)");
    }

    @Test
    void namedParametersMoveOneModelsWeightsIntoAnother() {
        Sequential a = model(1);
        Sequential b = model(2);
        assertThat(b.namedParameters().get("W1")).isNotEqualTo(a.namedParameters().get("W1"));
        b.setNamedParameters(a.namedParameters());
        Matrix X = Matrix.of(4, 2, new double[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThat(b.predict(X).toArray()).containsExactly(a.predict(X).toArray());
    }

    @Test
    void aMissingExtraOrMisshapenParameterIsNamed() {
        Sequential model = model(1);
        Map<String, Matrix> missing = new LinkedHashMap<>(model.namedParameters());
        missing.remove("b2");
        assertThatThrownBy(() -> model.setNamedParameters(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequential: parameter b2 (2,1) is missing");
        Map<String, Matrix> extra = new LinkedHashMap<>(model.namedParameters());
        extra.put("W3", Matrix.zeros(1, 1));
        assertThatThrownBy(() -> model.setNamedParameters(extra)).hasMessageContaining("unexpected parameter W3");
        Map<String, Matrix> misshapen = new LinkedHashMap<>(model.namedParameters());
        misshapen.put("W1", Matrix.zeros(4, 3));
        assertThatThrownBy(() -> model.setNamedParameters(misshapen))
                .hasMessage("sequential: parameter W1 has shape (4,3), the model needs (3,4)");
    }
}
