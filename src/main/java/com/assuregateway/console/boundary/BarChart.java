package com.assuregateway.console.boundary;

import java.util.List;

/**
 * A bar chart drawn as plain SVG by the view: each bar's box is computed here, so the page needs no script
 * and no chart library, and reads the same without one (every bar also has its number as text and title).
 */
public record BarChart(String title, int width, int height, List<Bar> bars) {

    static final int WIDTH = 560;
    static final int HEIGHT = 180;
    private static final int LABEL_SPACE = 34;

    public record Bar(String label, long value, int x, int y, int barWidth, int barHeight, int labelX) {
    }

    public record Entry(String label, long value) {
    }

    static BarChart of(String title, List<Entry> entries) {
        long max = Math.max(1, entries.stream().mapToLong(Entry::value).max().orElse(1));
        int slot = entries.isEmpty() ? WIDTH : Math.max(4, WIDTH / entries.size());
        int plot = HEIGHT - LABEL_SPACE;
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int h = (int) Math.round((double) e.value() * (plot - 14) / max);
            int x = i * slot + slot / 8;
            int w = Math.max(2, slot - slot / 4);
            bars.add(new Bar(e.label(), e.value(), x, plot - h, w, h, x + w / 2));
        }
        return new BarChart(title, Math.max(WIDTH, entries.size() * slot), HEIGHT, bars);
    }

    /** The SVG's coordinate box; the style sheet scales it to the figure's width. */
    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    public int baseline() {
        return HEIGHT - LABEL_SPACE;
    }
}
