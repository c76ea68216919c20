package dev.maml.qkd;

import java.util.random.RandomGenerator;
import org.redfx.strange.Program;
import org.redfx.strange.QuantumExecutionEnvironment;
import org.redfx.strange.Step;
import org.redfx.strange.gate.Hadamard;
import org.redfx.strange.gate.Identity;
import org.redfx.strange.gate.X;
import org.redfx.strange.gate.Y;
import org.redfx.strange.local.SimpleQuantumExecutionEnvironment;

/**
 * The quantum half of BB84, one qubit at a time: each preparation-and-measurement is its own
 * one-qubit Strange program (a shared program would grow its state vector as 2^n).
 *
 * <p>Strange also "measures" each result with {@code Math.random()}, which cannot be seeded. That
 * outcome is ignored: the probability of reading 1 is taken from the simulated state and the outcome
 * is drawn from the run's own generator, so a seeded run is reproducible.
 */
final class QuantumChannel {

    /** Strange computes amplitudes in float; a basis state can come out 1e-7 away from certainty. */
    private static final double FLOAT_SLACK = 1e-6;

    /**
     * Strange's own measurement walks the cumulative probabilities until they pass Math.random();
     * when float rounding leaves their sum just under 1 (0.99999988 after two Hadamards) and the draw
     * lands above it, it indexes past the state vector (about once in ten million programs). The
     * state was computed correctly and that draw is ignored anyway, so the program is simply run again.
     */
    private static final int ATTEMPTS = 5;

    private final QuantumExecutionEnvironment simulator;
    private final RandomGenerator rng;

    QuantumChannel(RandomGenerator rng) {
        this(new SimpleQuantumExecutionEnvironment(), rng);
    }

    QuantumChannel(QuantumExecutionEnvironment simulator, RandomGenerator rng) {
        this.simulator = simulator;
        this.rng = rng;
    }

    /**
     * Prepares {@code bit} in a basis (X for 1, then H for the diagonal basis), lets the fibre apply a
     * Pauli-Y error when {@code flipped} (Y flips the bit in both bases, so the error shows whatever
     * basis is used), and measures in a basis (H, then a computational-basis measurement).
     */
    boolean transmit(boolean bit, boolean preparedDiagonal, boolean flipped, boolean measuredDiagonal) {
        Program program = new Program(1);
        if (bit) {
            program.addStep(new Step(new X(0)));
        }
        if (preparedDiagonal) {
            program.addStep(new Step(new Hadamard(0)));
        }
        if (flipped) {
            program.addStep(new Step(new Y(0)));
        }
        if (measuredDiagonal) {
            program.addStep(new Step(new Hadamard(0)));
        }
        if (program.getSteps().isEmpty()) {
            // Strange fails on a program without steps
            program.addStep(new Step(new Identity(0)));
        }
        return sample(probabilityOfOne(program));
    }

    private double probabilityOfOne(Program program) {
        for (int attempt = 1; ; attempt++) {
            try {
                return simulator.runProgram(program).getQubits()[0].getProbability();
            } catch (ArrayIndexOutOfBoundsException strangeMeasurementOverrun) {
                if (attempt == ATTEMPTS) {
                    throw strangeMeasurementOverrun;
                }
            }
        }
    }

    private boolean sample(double probabilityOfOne) {
        if (probabilityOfOne < FLOAT_SLACK) {
            return false;
        }
        if (probabilityOfOne > 1 - FLOAT_SLACK) {
            return true;
        }
        return rng.nextDouble() < probabilityOfOne;
    }
}
