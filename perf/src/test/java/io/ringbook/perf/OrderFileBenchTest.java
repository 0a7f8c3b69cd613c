package io.ringbook.perf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench --orders}: an order file played once through the in-process pipeline, every row measured. */
class OrderFileBenchTest {

    @TempDir
    Path dir;

    @Test
    void shouldPlayEachRowOnceAndMeasureIt() throws Exception {
        Path file = dir.resolve("orders.csv");
        List<String> rows = new ArrayList<>(List.of("time,action,account,clOrdId,origClOrdId,symbol,side,type,price,qty,timeInForce"));
        for (int i = 0; i < 300; i++) {
            rows.add("2026-11-23T10:00:00Z,NEW,T" + (1 + i % 4) + ",c-" + i + ",,TEST," + (i % 2 == 0 ? "BUY" : "SELL")
                    + ",LIMIT," + (100 + i % 3) + ",1,GTC");
        }
        rows.add("2026-11-23T10:00:01Z,CANCEL,T1,x-1,c-0,,,,,,");
        Files.write(file, rows);

        String paced = bench("--orders", file.toString(), "--rate", "2000", "--warmup", "0", "--journal", "off");
        assertTrue(paced.contains("bench: 301 commands, 2000 cmd/s"), paced);
        String burst = bench("--orders", file.toString(), "--rate", "0", "--warmup", "0", "--journal", "on", "--journal-dir", dir.toString());
        assertTrue(burst.contains("bench: 301 commands"), burst);
        assertEquals(2, new CommandLine(new LoadHarness()).execute("--orders", file.toString(), "--via", "rest", "--rate", "10"));
    }

    private String bench(String... args) {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--results", dir.resolve("results").toString()));
            assertEquals(0, new CommandLine(new LoadHarness()).execute(all.toArray(new String[0])));
        } finally {
            System.setOut(was);
        }
        return out.toString();
    }
}
