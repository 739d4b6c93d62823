package dev.backprop.core.data;

import dev.backprop.core.random.NumpyRandom;

/**
 * The TensorFlow Playground's four classification data sets (its {@code dataset.ts}: {@code classifyCircleData},
 * {@code classifyXORData}, {@code classifyTwoGaussData}, {@code classifySpiralData}), shuffled and split into
 * training and test data as its {@code playground.ts} does. Noise is the Playground's slider divided by 100 (0 to
 * 0.5).
 *
 * <p>Departures from the Playground: its {@code Math.random()} (seeded by seedrandom) is numpy's
 * {@code random_sample()} from a {@link NumpyRandom} here, so the points are reproducible in Python
 * (scripts/datasets_reference.py ports the TypeScript); labels −1/+1 are 0/1.
 */
public enum Playground {

    /** Class 1 inside radius 2.5, class 0 in the ring from 3.5 to 5, labelled after the noise is added. */
    CIRCLE,
    /** Uniform in [−5, 5]², pushed 0.3 off the axes; class 1 where x·y ≥ 0 after the noise is added. */
    XOR,
    /** Two gaussians at (2, 2) (class 1) and (−2, −2) (class 0); the noise widens them. */
    GAUSSIAN,
    /** Two interleaved spirals of 1.75 turns. */
    SPIRAL;

    /** Training and test data, the Playground's split. */
    public record Split(Dataset train, Dataset test) {
    }

    /**
     * The Playground's data: {@code generate(numSamples, noise)}, then {@code shuffle(data)} (Fisher–Yates from
     * the end, {@code index = ⌊random · counter⌋}), then the first ⌊n · trainRatio⌋ points train, the rest test.
     */
    public Split split(int numSamples, double noise, double trainRatio, NumpyRandom random) {
        if (!(trainRatio > 0 && trainRatio < 1)) {
            throw new IllegalArgumentException("playground " + name().toLowerCase()
                    + ": train ratio must be in (0, 1), got " + trainRatio);
        }
        double[][] points = points(numSamples, noise, random);
        for (int counter = points.length; counter > 0; ) {
            int index = (int) Math.floor(random.randomSample() * counter);
            counter--;
            double[] t = points[counter];
            points[counter] = points[index];
            points[index] = t;
        }
        int splitIndex = (int) Math.floor(points.length * trainRatio);
        return new Split(columns(points, 0, splitIndex), columns(points, splitIndex, points.length));
    }

    /** All the points as the generator makes them, unshuffled: X (2, n), Y (1, n). */
    public Dataset generate(int numSamples, double noise, NumpyRandom random) {
        double[][] points = points(numSamples, noise, random);
        return columns(points, 0, points.length);
    }

    private double[][] points(int numSamples, double noise, NumpyRandom random) {
        Points.checkSamples("playground " + name().toLowerCase(), numSamples);
        Points.checkNoise("playground " + name().toLowerCase(), noise);
        return switch (this) {
            case CIRCLE -> circle(numSamples, noise, random);
            case XOR -> xor(numSamples, noise, random);
            case GAUSSIAN -> gaussian(numSamples, noise, random);
            case SPIRAL -> spiral(numSamples, noise, random);
        };
    }

    private static Dataset columns(double[][] points, int from, int to) {
        int n = to - from;
        double[] X = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            X[2 * i] = points[from + i][0];
            X[2 * i + 1] = points[from + i][1];
            y[i] = points[from + i][2];
        }
        return Points.asColumns(X, 2, y);
    }

    /** randUniform(a, b) = Math.random() · (b − a) + a */
    private static double randUniform(NumpyRandom random, double a, double b) {
        return random.randomSample() * (b - a) + a;
    }

    /** numSamples / 2 rounded up: the iterations of {@code for (i = 0; i < numSamples / 2; i++)}. */
    private static int half(int numSamples) {
        return (numSamples + 1) / 2;
    }

    private static double[][] circle(int numSamples, double noise, NumpyRandom random) {
        double radius = 5;
        double[][] points = new double[2 * half(numSamples)][];
        int k = 0;
        for (double[] ring : new double[][] {{0, radius * 0.5}, {radius * 0.7, radius}}) {
            for (int i = 0; i < half(numSamples); i++) {
                double r = randUniform(random, ring[0], ring[1]);
                double angle = randUniform(random, 0, 2 * Math.PI);
                double x = r * Math.sin(angle);
                double y = r * Math.cos(angle);
                double noiseX = randUniform(random, -radius, radius) * noise;
                double noiseY = randUniform(random, -radius, radius) * noise;
                double dx = x + noiseX;
                double dy = y + noiseY;
                // getCircleLabel: inside radius/2 (after the noise) is class 1; the point itself is not moved
                points[k++] = new double[] {x, y, Math.sqrt(dx * dx + dy * dy) < radius * 0.5 ? 1 : 0};
            }
        }
        return points;
    }

    private static double[][] xor(int numSamples, double noise, NumpyRandom random) {
        double padding = 0.3;
        double[][] points = new double[numSamples][];
        for (int i = 0; i < numSamples; i++) {
            double x = randUniform(random, -5, 5);
            x += x > 0 ? padding : -padding;
            double y = randUniform(random, -5, 5);
            y += y > 0 ? padding : -padding;
            double noiseX = randUniform(random, -5, 5) * noise;
            double noiseY = randUniform(random, -5, 5) * noise;
            // getXORLabel of the noisy point; the point itself is not moved, so the noise flips labels near the axes
            points[i] = new double[] {x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : 0};
        }
        return points;
    }

    private static double[][] gaussian(int numSamples, double noise, NumpyRandom random) {
        // d3.scale.linear().domain([0, .5]).range([0.5, 4])
        double variance = 0.5 + (4 - 0.5) * (noise / 0.5);
        double[][] points = new double[2 * half(numSamples)][];
        int k = 0;
        for (double[] centre : new double[][] {{2, 2, 1}, {-2, -2, 0}}) {
            for (int i = 0; i < half(numSamples); i++) {
                double x = normalRandom(random, centre[0], variance);
                double y = normalRandom(random, centre[1], variance);
                points[k++] = new double[] {x, y, centre[2]};
            }
        }
        return points;
    }

    /** The Playground's normalRandom: polar Box–Muller from two uniforms in [−1, 1), mean + √variance · z. */
    private static double normalRandom(NumpyRandom random, double mean, double variance) {
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * random.randomSample() - 1;
            v2 = 2 * random.randomSample() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s > 1);
        double result = Math.sqrt(-2 * Math.log(s) / s) * v1;
        return mean + Math.sqrt(variance) * result;
    }

    private static double[][] spiral(int numSamples, double noise, NumpyRandom random) {
        double n = numSamples / 2.0;
        double[][] points = new double[2 * half(numSamples)][];
        int k = 0;
        for (double[] arm : new double[][] {{0, 1}, {Math.PI, 0}}) {
            for (int i = 0; i < half(numSamples); i++) {
                double r = i / n * 5;
                double t = 1.75 * i / n * 2 * Math.PI + arm[0];
                double x = r * Math.sin(t) + randUniform(random, -1, 1) * noise;
                double y = r * Math.cos(t) + randUniform(random, -1, 1) * noise;
                points[k++] = new double[] {x, y, arm[1]};
            }
        }
        return points;
    }
}
