import dev.maml.receipt.Receipts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What one more receipt costs as a directory fills: writes COUNT receipts of one document into a
 * fresh directory that holds nothing else (as `maml serve --receipts` does) and prints the median
 * time of a receipt at each checkpoint. Finding the chain's head must not grow with the number of
 * receipts already there (ReceiptHeads); writing (fsync) and signing dominate when it does not.
 *
 * <pre>
 *   java -cp maml-cli/target/maml.jar bench/receipts/ChainGrowth.java DOCUMENT COUNT
 * </pre>
 */
public class ChainGrowth {

    public static void main(String[] args) throws Exception {
        Path document = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("maml-chain-growth-");
        double[] window = new double[100];
        for (int i = 1; i <= count; i++) {
            long start = System.nanoTime();
            Receipts.of(document).into(dir).create();
            window[(i - 1) % window.length] = (System.nanoTime() - start) / 1e6;
            if (i % window.length == 0 && (i == window.length || Integer.bitCount(i / window.length) == 1 || i == count)) {
                double[] sorted = window.clone();
                Arrays.sort(sorted);
                System.out.printf("{\"receipts\":%d,\"median_ms_per_receipt_of_last_100\":%.3f}%n", i, sorted[sorted.length / 2]);
            }
        }
    }
}
