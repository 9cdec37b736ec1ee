package perf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * Draws the performance figures as PNG from the CSV files PerfBench wrote (steps.csv, phases.csv), with plain
 * java.awt in headless mode: no plotting library to install. Run again at any time on existing results:
 * {@code java -Djava.awt.headless=true bench/perf/Plots.java docs/performance}.
 */
public final class Plots {

    static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf), new Color(0x7f7f7f)};

    record Row(Map<String, String> values) {
        String s(String key) {
            return values.get(key);
        }

        double d(String key) {
            return Double.parseDouble(values.get(key));
        }
    }

    record Series(String name, List<Double> values, Color color, boolean dashed) {
    }

    record Reference(String label, double value) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/performance");
        List<Row> steps = csv(dir.resolve("steps.csv"));
        List<Row> phases = csv(dir.resolve("phases.csv"));
        List<Integer> levels = new ArrayList<>(new TreeSet<>(phases.stream().map(r -> Integer.parseInt(r.s("level"))).toList()));
        List<String> stepNames = steps.stream().map(r -> r.s("step")).distinct().toList();

        for (String p : List.of("p50", "p99")) {
            List<Series> overhead = new ArrayList<>();
            for (int i = 0; i < stepNames.size(); i++) {
                String step = stepNames.get(i);
                List<Double> values = new ArrayList<>();
                for (int level : levels) {
                    values.add(value(steps, "gateway", level, step, p + "_ms") - value(steps, "floor", level, step, p + "_ms"));
                }
                overhead.add(new Series(step, values, COLORS[i % COLORS.length], false));
            }
            double goal = p.equals("p50") ? 3 : 15;
            chart(dir.resolve("overhead-" + p + ".png"), "Gateway overhead per relayed call, " + p
                            + " (gateway minus floor)", "concurrent portals", "ms", levels, overhead,
                    List.of(new Reference("goal at 32 portals: " + (int) goal + " ms", goal)));
        }

        List<Series> ratios = new ArrayList<>();
        for (int i = 0; i < stepNames.size(); i++) {
            String step = stepNames.get(i);
            List<Double> values = new ArrayList<>();
            for (int level : levels) {
                double floor = value(steps, "floor", level, step, "p50_ms");
                values.add(floor == 0 ? Double.NaN : value(steps, "gateway", level, step, "p50_ms") / floor);
            }
            ratios.add(new Series(step, values, COLORS[i % COLORS.length], false));
        }
        chart(dir.resolve("ratio-p50.png"), "Gateway / floor, p50 latency per step (sandbox delay on every call)",
                "concurrent portals", "ratio", levels, ratios, List.of(new Reference("goal: 1.1", 1.1),
                        new Reference("", 1.0)));

        chart(dir.resolve("throughput.png"), "Whole FaceTec flows per second", "concurrent portals", "flows / s",
                levels, List.of(
                        new Series("gateway", phaseValues(phases, "gateway", levels, "flows_per_second"), COLORS[0], false),
                        new Series("floor (sandbox directly)", phaseValues(phases, "floor", levels, "flows_per_second"),
                                COLORS[1], true)), List.of());

        List<Series> cpu = new ArrayList<>(List.of(
                new Series("gateway run: server", phaseValues(phases, "gateway", levels, "server_cpu_cores"), COLORS[0], false),
                new Series("floor run: server (sandbox only)", phaseValues(phases, "floor", levels, "server_cpu_cores"), COLORS[1], true),
                new Series("gateway run: benchmark client", phaseValues(phases, "gateway", levels, "client_cpu_cores"), COLORS[2], false),
                new Series("gateway run: whole machine (2 = all)", scaled(phaseValues(phases, "gateway", levels, "machine_busy"), 2), COLORS[7], true)));
        if (phases.get(0).values().containsKey("jit_cpu_cores")) { // runs before the JIT was measured lack it
            cpu.add(new Series("gateway run: its JIT compiler", phaseValues(phases, "gateway", levels, "jit_cpu_cores"), COLORS[3], false));
        }
        chart(dir.resolve("cpu.png"), "Server JVM CPU during each phase (2-core machine)", "concurrent portals",
                "cores", levels, cpu, List.of(new Reference("2 cores", 2)));

        chart(dir.resolve("heap.png"), "Server heap during each phase (-Xmx shown as a line)", "concurrent portals",
                "MB", levels, List.of(
                        new Series("gateway: peak used", phaseValues(phases, "gateway", levels, "heap_peak_mb"), COLORS[0], false),
                        new Series("gateway: max after GC", phaseValues(phases, "gateway", levels, "max_after_gc_mb"), COLORS[3], false),
                        new Series("gateway: baseline after full GC", phaseValues(phases, "gateway", levels, "heap_baseline_mb"), COLORS[7], true),
                        new Series("floor: peak used", phaseValues(phases, "floor", levels, "heap_peak_mb"), COLORS[1], true)),
                List.of(new Reference("-Xmx512m", 512)));
        if (args.length > 2) {
            compare(dir, Path.of(args[1]), args[2], levels);
        }
        System.err.println("plots written to " + dir);
    }

    /** Throughput and server CPU per flow of this run against an earlier one (e.g. before the changes). */
    static void compare(Path dir, Path earlierDir, String earlierName, List<Integer> levels) throws IOException {
        List<Row> now = csv(dir.resolve("phases.csv"));
        List<Row> earlier = csv(earlierDir.resolve("phases.csv"));
        chart(dir.resolve("compare-throughput.png"), "Whole flows per second: " + earlierName + " and now",
                "concurrent portals", "flows / s", levels, List.of(
                        new Series("gateway now", phaseValues(now, "gateway", levels, "flows_per_second"), COLORS[0], false),
                        new Series("gateway " + earlierName, phaseValues(earlier, "gateway", levels, "flows_per_second"), COLORS[3], false),
                        new Series("floor now", phaseValues(now, "floor", levels, "flows_per_second"), COLORS[0], true),
                        new Series("floor " + earlierName, phaseValues(earlier, "floor", levels, "flows_per_second"), COLORS[3], true)),
                List.of());
        List<Series> flowMs = new ArrayList<>();
        flowMs.add(new Series("gateway now", phaseValues(now, "gateway", levels, "flow_p50_ms"), COLORS[0], false));
        flowMs.add(new Series("gateway " + earlierName, phaseValues(earlier, "gateway", levels, "flow_p50_ms"), COLORS[3], false));
        flowMs.add(new Series("floor now", phaseValues(now, "floor", levels, "flow_p50_ms"), COLORS[0], true));
        flowMs.add(new Series("floor " + earlierName, phaseValues(earlier, "floor", levels, "flow_p50_ms"), COLORS[3], true));
        chart(dir.resolve("compare-flow-p50.png"), "Whole flow, p50 (8 calls): " + earlierName + " and now",
                "concurrent portals", "ms", levels, flowMs, List.of());
    }

    static double value(List<Row> steps, String mode, int level, String step, String column) {
        return steps.stream().filter(r -> r.s("mode").equals(mode) && Integer.parseInt(r.s("level")) == level
                && r.s("step").equals(step)).mapToDouble(r -> r.d(column)).findFirst().orElse(Double.NaN);
    }

    static List<Double> phaseValues(List<Row> phases, String mode, List<Integer> levels, String column) {
        List<Double> values = new ArrayList<>();
        for (int level : levels) {
            values.add(phases.stream().filter(r -> r.s("mode").equals(mode) && Integer.parseInt(r.s("level")) == level)
                    .mapToDouble(r -> r.d(column)).findFirst().orElse(Double.NaN));
        }
        return values;
    }

    static List<Double> scaled(List<Double> values, double factor) {
        return values.stream().map(v -> v * factor).toList();
    }

    static List<Row> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cells = line.split(",");
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) values.put(header[i], cells[i]);
            rows.add(new Row(values));
        }
        return rows;
    }

    // ---- one line chart: categories on x (equally spaced), linear y from 0 (or below, if a value is negative)

    static void chart(Path file, String title, String xLabel, String yLabel, List<Integer> xs, List<Series> series,
                      List<Reference> references) throws IOException {
        int width = 960, height = 560, left = 80, right = 290, top = 50, bottom = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        double max = 0, min = 0;
        for (Series s : series) for (double v : s.values) if (!Double.isNaN(v)) { max = Math.max(max, v); min = Math.min(min, v); }
        for (Reference r : references) max = Math.max(max, r.value);
        double step = niceStep((max - min) / 6);
        double yMax = Math.ceil(max / step) * step;
        double yMin = Math.floor(min / step) * step;
        if (yMax <= yMin) yMax = yMin + 1;
        int plotW = width - left - right, plotH = height - top - bottom;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        // grid and y ticks
        for (double y = yMin; y <= yMax + step / 2; y += step) {
            int py = top + plotH - (int) Math.round((y - yMin) / (yMax - yMin) * plotH);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(left, py, left + plotW, py);
            g.setColor(Color.DARK_GRAY);
            String label = format(y, step);
            g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), py + 4);
        }
        // x ticks
        for (int i = 0; i < xs.size(); i++) {
            int px = xPos(i, xs.size(), left, plotW);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(px, top, px, top + plotH);
            g.setColor(Color.DARK_GRAY);
            String label = Integer.toString(xs.get(i));
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, top + plotH + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, plotW, plotH);
        g.drawString(xLabel, left + plotW / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, height - 18);
        Graphics2D rotated = (Graphics2D) g.create();
        rotated.rotate(-Math.PI / 2);
        rotated.drawString(yLabel, -(top + plotH / 2) - g.getFontMetrics().stringWidth(yLabel) / 2, 22);
        rotated.dispose();

        // reference lines
        for (Reference r : references) {
            int py = top + plotH - (int) Math.round((r.value - yMin) / (yMax - yMin) * plotH);
            g.setColor(r.label.isEmpty() ? Color.GRAY : new Color(0xc00000));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{8, 5}, 0));
            g.drawLine(left, py, left + plotW, py);
            if (!r.label.isEmpty()) {
                // at the right end, on white, so no line of data hides it
                int w = g.getFontMetrics().stringWidth(r.label);
                g.setColor(Color.WHITE);
                g.fillRect(left + plotW - w - 10, py - 17, w + 6, 14);
                g.setColor(new Color(0xc00000));
                g.drawString(r.label, left + plotW - w - 7, py - 6);
            }
        }

        // series
        int legendY = top + 10;
        for (Series s : series) {
            g.setColor(s.color);
            g.setStroke(s.dashed
                    ? new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[]{7, 5}, 0)
                    : new BasicStroke(2.2f));
            int prevX = -1, prevY = -1;
            for (int i = 0; i < xs.size() && i < s.values.size(); i++) {
                double v = s.values.get(i);
                if (Double.isNaN(v)) { prevX = -1; continue; }
                int px = xPos(i, xs.size(), left, plotW);
                int py = top + plotH - (int) Math.round((v - yMin) / (yMax - yMin) * plotH);
                if (prevX >= 0) g.drawLine(prevX, prevY, px, py);
                g.fillOval(px - 4, py - 4, 8, 8);
                prevX = px;
                prevY = py;
            }
            g.drawLine(left + plotW + 20, legendY, left + plotW + 50, legendY);
            g.setColor(Color.BLACK);
            g.drawString(s.name, left + plotW + 56, legendY + 4);
            legendY += 22;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    static int xPos(int i, int n, int left, int plotW) {
        return n == 1 ? left + plotW / 2 : left + 30 + (int) Math.round((double) i / (n - 1) * (plotW - 60));
    }

    static double niceStep(double raw) {
        if (raw <= 0) return 1;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) if (m * magnitude >= raw) return m * magnitude;
        return 10 * magnitude;
    }

    static String format(double v, double step) {
        return step >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
