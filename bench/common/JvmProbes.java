package common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmarks read of the server JVM they measure, on the same Linux machine: its heap (jstat), its GC log
 * (-Xlog:gc), its CPU time and its JIT compiler threads' (/proc), the machine's busy cores (/proc/stat), and jcmd.
 * Shared by {@code audit.AuditBench} and {@code perf.PerfBench}.
 */
public final class JvmProbes {

    private JvmProbes() {
    }

    /** {used bytes, old used bytes, young + full collections} of a JVM, from one {@code jstat -gc PID} sample. */
    public static long[] heap(long pid) throws IOException, InterruptedException {
        Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid)).start();
        List<String> lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))
                .lines().toList();
        jstat.waitFor();
        return HeapSampler.used(lines.get(0), lines.get(1));
    }

    /** Runs {@code jcmd PID command} (e.g. GC.run) and waits for it, discarding its output. */
    public static void jcmd(long pid, String command) throws IOException, InterruptedException {
        new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** Samples {@code jstat -gc PID 100} while it runs, keeping the peak of the used heap. */
    public static final class HeapSampler {
        private final Process jstat;
        private Thread reader;
        private volatile long peakUsed;

        public HeapSampler(long pid) throws IOException {
            jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "100").start();
        }

        public void start() {
            reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                    String header = lines.readLine();
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (!line.isBlank() && !line.trim().startsWith("S0C")) {
                            peakUsed = Math.max(peakUsed, used(header, line)[0]);
                        }
                    }
                } catch (IOException ignored) {
                    // jstat ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        public void stop() throws InterruptedException {
            Thread.sleep(250);
            jstat.destroy();
            reader.join(2000);
        }

        /** The highest used heap seen, in bytes. */
        public long peakUsed() {
            return peakUsed;
        }

        /** {used bytes, old used bytes, young + full collections} from a jstat -gc header and line. */
        static long[] used(String header, String line) {
            List<String> names = Arrays.asList(header.trim().split("\\s+"));
            String[] values = line.trim().split("\\s+");
            double kb = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                kb += Double.parseDouble(values[names.indexOf(column)]);
            }
            long collections = Long.parseLong(values[names.indexOf("YGC")]) + Long.parseLong(values[names.indexOf("FGC")]);
            return new long[]{(long) (kb * 1024), (long) (Double.parseDouble(values[names.indexOf("OU")]) * 1024),
                    collections};
        }
    }

    /** The server's -Xlog:gc file, read from where the last read stopped. */
    public static final class GcLog {
        private static final Pattern PAUSE = Pattern.compile("Pause.* (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
        private final Path file;
        private long offset;

        /** The pauses since the last read: how many, the highest and the last heap occupancy after one. */
        public record Window(long collections, long maxAfter, long lastAfter) {
        }

        public GcLog(Path file) throws IOException {
            this.file = file;
            this.offset = Files.size(file);
        }

        public Window readNew() throws IOException {
            byte[] all = Files.readAllBytes(file);
            String text = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
            offset = all.length;
            long collections = 0;
            long maxAfter = 0;
            long lastAfter = 0;
            for (String line : text.split("\n")) {
                Matcher m = PAUSE.matcher(line);
                if (m.find()) {
                    long after = bytes(m.group(3), m.group(4));
                    collections++;
                    maxAfter = Math.max(maxAfter, after);
                    lastAfter = after;
                }
            }
            return new Window(collections, maxAfter, lastAfter);
        }

        private static long bytes(String number, String unit) {
            long n = Long.parseLong(number);
            return switch (unit) {
                case "K" -> n * 1024;
                case "M" -> n * 1024 * 1024;
                default -> n * 1024 * 1024 * 1024;
            };
        }
    }

    /** utime and stime of a process, in clock ticks. */
    public static long[] processCpuTicks(long pid) throws IOException {
        return cpuTicks(Path.of("/proc/" + pid + "/stat"));
    }

    /** utime and stime, in clock ticks, of a process's or a thread's stat file. */
    public static long[] cpuTicks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return new long[]{Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    /**
     * utime and stime of the process's JIT compiler threads together, in clock ticks. HotSpot may retire a compiler
     * thread it no longer needs; its ticks then drop out, so this can only undercount.
     */
    public static long[] compilerCpuTicks(long pid) throws IOException {
        long[] ticks = new long[2];
        try (var tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) continue;
                    long[] thread = cpuTicks(task.resolve("stat"));
                    ticks[0] += thread[0];
                    ticks[1] += thread[1];
                } catch (IOException threadEnded) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return ticks;
    }

    /** {busy, total} clock ticks of all cores. */
    public static long[] machineTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length; i++) total += Long.parseLong(cpu[i]);
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        return new long[]{total - idle, total};
    }

    /** CPU seconds between two readings of utime and stime. */
    public static double cpuSeconds(long[] before, long[] after) {
        return (after[0] + after[1] - before[0] - before[1]) / 100.0; // USER_HZ is 100 on Linux
    }
}
