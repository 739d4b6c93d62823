package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.Reference;
import org.junit.jupiter.api.Test;

class PlanarDatasetTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/model/two_layer_reference.txt");

    @Test
    void flowerHasTheWorkshopShapes() {
        Dataset planar = PlanarDataset.loadPlanarDataset();
        assertThat(planar.X().shape().toString()).isEqualTo("(2, 400)");
        assertThat(planar.Y().shape().toString()).isEqualTo("(1, 400)");
        assertThat(planar.m()).isEqualTo(400);
        assertThat(planar.Y().sum()).isEqualTo(200);
    }

    @Test
    void flowerEqualsNumpysWithin1Ulp() {
        Dataset planar = PlanarDataset.loadPlanarDataset();
        assertThat(Reference.maxUlps(planar.X(), REF.matrix("X"))).isLessThanOrEqualTo(1.0);
        assertThat(planar.Y()).isEqualTo(REF.matrix("Y"));
    }
}
