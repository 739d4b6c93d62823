package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class TrainCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int train(String... args) {
        return TrainCommand.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDlsAdamRunOnMoonsPrintsTheAssignmentsCostsSummaryAndWritesThePngs(@TempDir Path dir) {
        int status = train("--dls", "--dataset", "moons", "--layers", "5,2", "--optimizer", "adam",
                "--learning-rate", "0.0007", "--batch-size", "64", "--epochs", "101", "--print-every", "100",
                "--out", dir.toString());
        assertThat(status).as(errors()).isZero();
        assertThat(output())
                .contains(" dense_2 (Dense)            (1, m)                    3")
                .contains("Total params: 30")
                // DLS "Optimization Methods", model(train_X, train_Y, layers_dims, optimizer="adam")
                .contains("Cost after epoch 0: 0.702166")
                .contains("Cost after epoch 100: ")
                .contains("Training accuracy: ")
                .contains("Time per epoch: ");
        assertThat(dir.resolve("cost.png")).isNotEmptyFile();
        assertThat(dir.resolve("decision-boundary.png")).isNotEmptyFile();
    }

    @Test
    void validationSplitAndEarlyStoppingReportBothAccuracies(@TempDir Path dir) {
        assertThat(train("--dataset", "blobs", "--layers", "6", "--epochs", "40", "--validation-split", "0.25",
                "--early-stopping", "3", "--l2", "0.01", "--dropout", "0.1", "--out", dir.toString()))
                .as(errors()).isZero();
        assertThat(output()).contains("Training accuracy: ").contains("Validation accuracy: ");
        assertThat(dir.resolve("decision-boundary.png")).isNotEmptyFile();
    }

    @Test
    void aBadOptionOrValueIsOneLineNamingItAndExit2() throws Exception {
        assertThat(train("--bogus")).isEqualTo(2);
        assertThat(errors()).isEqualTo("train: Unknown option: '--bogus'" + System.lineSeparator());
        err.reset();
        assertThat(train("--epochs", "many")).isEqualTo(2);
        assertThat(errors()).startsWith("train: Invalid value for option '--epochs': 'many'").hasLineCount(1);
        err.reset();
        assertThat(train("--dropout", "1.5")).isEqualTo(2);
        assertThat(errors()).isEqualTo("train: --dropout must be in [0, 1), got 1.5" + System.lineSeparator());
        err.reset();
        assertThat(train("--dataset", "mnist")).isEqualTo(2);
        assertThat(errors()).startsWith("train: unknown --dataset 'mnist'; known: blobs, circles").hasLineCount(1);
        err.reset();
        assertThat(train("--optimizer", "sgd2")).isEqualTo(2);
        assertThat(errors()).startsWith("train: unknown --optimizer 'sgd2'").hasLineCount(1);
        assertThat(Files.exists(Path.of("out", "train", "cost.png.tmp"))).isFalse();
    }

    @Test
    void everyOptionHasADescription() {
        CommandLine cli = new CommandLine(new TrainCommand());
        for (OptionSpec option : cli.getCommandSpec().options()) {
            assertThat(String.join(" ", option.description())).as(option.longestName()).isNotBlank();
        }
        assertThat(cli.getCommandSpec().optionsMap()).containsKeys("--dataset", "--layers", "--activation", "--output",
                "--loss", "--optimizer", "--learning-rate", "--beta", "--beta1", "--beta2", "--epsilon", "--decay",
                "--batch-size", "--epochs", "--seed", "--init", "--l2", "--dropout", "--early-stopping",
                "--validation-split", "--out", "--dls");
    }
}
