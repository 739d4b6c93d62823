package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.matrix.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTests {

    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("houses.csv"), text);
    }

    @Test
    void featuresBecomeRowsAndTheNamedLabelColumnBecomesY() throws IOException {
        Csv.Table t = Csv.read(csv("bedrooms,price,bathrooms\n5,350.5,3\r\n\n4,\"210\",2"), "price");
        assertThat(t.features()).containsExactly("bedrooms", "bathrooms");
        assertThat(t.X()).isEqualTo(Matrix.of(2, 2, 5, 4, 3, 2));
        assertThat(t.Y()).isEqualTo(Matrix.row(350.5, 210));
    }

    @Test
    void classLabelsAreCheckedWhereTheyAre() throws IOException {
        LabeledData d = Csv.readClasses(csv("x,y\n0.5,1\n0.25,0\n"), "y", 0);
        assertThat(d.labels()).containsExactly(1, 0);
        assertThat(d.classes()).isEqualTo(2);
        Path bad = csv("x,y\n0.5,1\n0.25,2\n");
        assertThatThrownBy(() -> Csv.readClasses(bad, "y", 2)).isInstanceOf(DataFileException.class)
                .hasMessage(bad + ": line 3:6: label column 'y': expected a class in [0, 2), found '2'");
        Path fraction = csv("x,y\n0.5,1.5\n");
        assertThatThrownBy(() -> Csv.readClasses(fraction, "y", 0))
                .hasMessage(fraction + ": line 2:5: label column 'y': expected a class 0, 1, 2, ..., found '1.5'");
    }

    @Test
    void aNonNumericCellIsNamedByLineColumnAndHeader() throws IOException {
        Path file = csv("a,b,c\n1,2,3\n4,five,6\n");
        assertThatThrownBy(() -> Csv.read(file, "c"))
                .hasMessage(file + ": line 3:3: column 'b': expected a number, found 'five'");
    }

    @Test
    void onlyWhatPythonsFloatReadsIsANumber() throws IOException {
        // before: Java's parser read 3f as 3, 1d as 1 and 0x1p3 as 8
        for (String cell : new String[] {"3f", "1d", "0x1p3", "1e", "--1", "."}) {
            Path file = csv("a,b\n1," + cell + "\n");
            assertThatThrownBy(() -> Csv.read(file, "a")).as(cell)
                    .hasMessage(file + ": line 2:3: column 'b': expected a number, found '" + cell + "'");
        }
        assertThat(Csv.read(csv("a,b\n1, -2.5e-3 \n+.5,7.\n"), "a").X()).isEqualTo(Matrix.row(-2.5e-3, 7));
        Path inf = csv("a,b\n1,-inf\n");
        assertThatThrownBy(() -> Csv.read(inf, "a")).hasMessageEndingWith("expected a finite number, found '-inf'");
    }

    @Test
    void infinityAndNaNCellsAreRejected() throws IOException {
        Path file = csv("a,b\n1,NaN\n");
        assertThatThrownBy(() -> Csv.read(file, "a")).hasMessageContaining("line 2:3: column 'b': expected a finite number, found 'NaN'");
    }

    @Test
    void aLineWithTheWrongNumberOfCellsIsRejected() throws IOException {
        Path file = csv("a,b,c\n1,2,3\n4,5\n");
        assertThatThrownBy(() -> Csv.read(file, "c")).hasMessage(file + ": line 3: expected 3 cells as in the header, found 2");
    }

    @Test
    void aMissingLabelColumnListsTheColumns() throws IOException {
        Path file = csv("a,b\n1,2\n");
        assertThatThrownBy(() -> Csv.read(file, "price"))
                .hasMessage(file + ": line 1:1: expected a label column named 'price', found the columns [a, b]");
    }

    @Test
    void anEmptyFileAndDuplicateColumnsAreRejected() throws IOException {
        Path empty = csv("");
        assertThatThrownBy(() -> Csv.read(empty, "a")).hasMessageContaining("found an empty file");
        Path twice = csv("a,b,a\n1,2,3\n");
        assertThatThrownBy(() -> Csv.read(twice, "b")).hasMessage(twice + ": line 1:5: column 'a' appears twice in the header");
    }

    @Test
    void aFolderInTheFilesPlaceIsNamed() {
        // before: Files.readAllBytes's bare "Is a directory", without the path
        assertThatThrownBy(() -> Csv.readClasses(dir, "label", 0)).hasMessage(dir + ": is a folder, not a CSV file");
        assertThatThrownBy(() -> Csv.read(dir, "label")).hasMessage(dir + ": is a folder, not a CSV file");
        assertThatThrownBy(() -> Datasets.load("csv:" + dir, "label"))
                .hasMessage(dir + ": is a folder, not a CSV file");
        assertThatThrownBy(() -> Datasets.load("npz:" + dir, "label"))
                .hasMessage(dir + ": is a folder, not an .npz file");
    }

    @Test
    void aHeaderWithoutRowsNamesTheLineAfterTheLastOne() throws IOException {
        // before: "line 3" for a one-line file ending in a newline, "line 5" after two blank lines
        Path file = csv("a,b,label\n");
        assertThatThrownBy(() -> Csv.read(file, "label")).hasMessage(file + ": line 2: expected at least one line of"
                + " numbers after the header, found none");
        Path noNewline = csv("a,b,label");
        assertThatThrownBy(() -> Csv.read(noNewline, "label")).hasMessageStartingWith(noNewline + ": line 2: ");
        Path blank = csv("a,b,label\n\n\n");
        assertThatThrownBy(() -> Csv.read(blank, "label")).hasMessageStartingWith(blank + ": line 4: ");
    }

    @Test
    void aLabelColumnWithoutFeaturesIsNamed() throws IOException {
        // before: a (0, m) X reached the network: "dense: the input size n^[l−1] must be ≥ 1, got 0"
        Path file = csv("label\n1\n0\n");
        assertThatThrownBy(() -> Csv.read(file, "label")).isInstanceOf(DataFileException.class)
                .hasMessage(file + ": line 1:1: expected feature columns besides the label column 'label', found it"
                        + " alone");
    }

    @Test
    void aTableIsClassesOnlyWhenEveryLabelIsAClassNumber() throws IOException {
        Csv.Table classes = Csv.read(csv("a,label\n0.5,0\n1.5,2\n2.5,1.0\n"), "label");
        assertThat(classes.hasClassLabels()).isTrue();
        assertThat(classes.toClasses().labels()).containsExactly(0, 2, 1);
        assertThat(classes.toClasses().classes()).isEqualTo(3);
        for (String label : new String[] {"2.5", "-1"}) {
            Csv.Table regression = Csv.read(csv("a,label\n0.5,0\n1.5," + label + "\n"), "label");
            assertThat(regression.hasClassLabels()).isFalse();
            assertThatThrownBy(regression::toClasses).hasMessageContaining("not class numbers");
            assertThat(regression.toRegression().Y()).isEqualTo(Matrix.row(0, Double.parseDouble(label)));
        }
    }
}
