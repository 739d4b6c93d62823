package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.activation.LeakyRelu;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.data.DataFileException;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Dropout;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.train.Sequential;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelArchitectureTests {

    @Test
    void aModelsArchitectureRoundTripsThroughJson() throws Exception {
        Sequential model = Sequential.of(new Dense(5, new LeakyRelu(0.2)), new Dropout(0.25),
                new Dense(3, new Softmax())).build(4, 1).compile(new CategoricalCrossEntropy(), new Adam(0.01));
        String json = ModelArchitecture.of(model, "standard", List.of("a", "b", "c")).toJson();
        assertThat(json).isEqualTo("{\"format\":\"backprop-workshop/sequential\",\"version\":1,\"inputs\":4,"
                + "\"layers\":[{\"type\":\"Dense\",\"units\":5,\"activation\":\"leaky_relu\",\"alpha\":0.2},"
                + "{\"type\":\"Dropout\",\"rate\":0.25},{\"type\":\"Dense\",\"units\":3,\"activation\":\"softmax\"}],"
                + "\"loss\":\"categorical_crossentropy\",\"normalize\":\"standard\",\"classes\":[\"a\",\"b\",\"c\"]}");
        Sequential rebuilt = ModelArchitecture.fromJson(json, "m.npz").toModel(7);
        assertThat(rebuilt.summary()).isEqualTo(model.summary());
        assertThat(rebuilt.layers().get(0).toString()).isEqualTo(model.layers().get(0).toString());
    }

    @Test
    void aBadArchitectureNamesTheFileTheEntryAndWhatIsWrong() {
        assertThatThrownBy(() -> ModelArchitecture.fromJson("{\"format\":", "m.npz"))
                .isInstanceOf(DataFileException.class).hasMessageStartingWith("m.npz: entry architecture.json, line 1:");
        assertThatThrownBy(() -> ModelArchitecture.fromJson("{\"format\":\"keras\",\"version\":1}", "m.npz"))
                .hasMessage("m.npz: entry architecture.json: expected format backprop-workshop/sequential version 1,"
                        + " found keras version 1");
        assertThatThrownBy(() -> ModelArchitecture.fromJson("{\"format\":\"backprop-workshop/sequential\","
                + "\"version\":1,\"inputs\":4,\"layers\":[{\"type\":\"Dense\",\"units\":3,\"activation\":\"swish\"}],"
                + "\"loss\":\"mse\"}", "m.npz"))
                .hasMessageStartingWith("m.npz: entry architecture.json, layer 1: expected a Dense layer")
                // before: "found LayerSpec[type=Dense, units=3, activation=swish, alpha=null, rate=null]"
                .hasMessageEndingWith("found {\"type\":\"Dense\",\"units\":3,\"activation\":\"swish\"}");
        // before: Jackson's "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); …]" and
        // the Java classes of its reference chain
        assertThatThrownBy(() -> ModelArchitecture.fromJson("{\"format\":\"backprop-workshop/sequential\","
                + "\"version\":1,\"inputs\":4,\"layers\":[{\"type\":\"Dense\",\"units\":\"five\"}]}", "m.npz"))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith("m.npz: entry architecture.json, line 1:")
                .hasMessageNotContaining("Source").hasMessageNotContaining("REDACTED")
                .hasMessageNotContaining("dev.backprop").hasMessageNotContaining("reference chain")
                .hasMessageEndingWith("Cannot deserialize whole number from String \"five\": not a valid whole number");
        assertThatThrownBy(() -> ModelArchitecture.fromJson("{\"format\":\"backprop-workshop/sequential\","
                + "\"version\":1,\"inputs\":4,\"layers\":[{\"type\":\"Dense\",\"units\":3,\"activation\":\"relu\"}],"
                + "\"loss\":\"huber\"}", "m.npz"))
                .hasMessage("m.npz: entry architecture.json: unknown loss 'huber'");
    }
}
