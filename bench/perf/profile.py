#!/usr/bin/env python3
"""Summarises a gateway flight recording and GC log of bench/perf/run.sh (BENCH_JFR=...) as Markdown.

    bench/perf/profile.py target/perf/run/gateway.jfr target/perf/run/gc.log > docs/performance/profile-x.md

CPU: the share of JFR execution samples (Java threads on CPU, every 20 ms with settings=profile) whose stack holds a
given frame; a sample can count under several rows. Allocation: JFR's allocation samples, weighted by the bytes they
stand for. GC: the pauses of the -Xlog:gc file, by cause. The whole recording is counted: warm-up, every phase, both
the gateway's and the sandbox's requests (the sandbox runs in the same JVM).
"""
import collections
import re
import subprocess
import sys

CPU_ROWS = [
    ("JSON-P provider looked up (`JsonProvider.provider`), any caller", ["jakarta.json.spi.JsonProvider.provider("]),
    ("... of it by Payara's JWT parser (`JwtTokenParser`)", ["jakarta.json.spi.JsonProvider.provider(", "JwtTokenParser"]),
    ("EclipseLink lock wait loop (`ConcurrencyManager.acquire`)", ["ConcurrencyManager.acquire("]),
    ("... for an audit event's id (`AuditLog` persisting)", ["ConcurrencyManager.acquire(", "AuditLog."]),
    ("JSON-P writing a request body (`JsonGeneratorImpl.writeEscapedString`)", ["JsonGeneratorImpl.writeEscapedString("]),
    ("AssureBodies writing a request body", ["AssureBodies$Body.write("]),
    ("JWT validation (Payara `jwtauth`), all of it", ["fish.payara.microprofile.jwtauth"]),
    ("EclipseLink, all of it", ["org.eclipse.persistence."]),
    ("PostgreSQL JDBC driver", ["org.postgresql."]),
    ("sandbox requests (the simulated Assure)", ["com.assuregateway.sandbox."]),
]
ALLOC_ROWS = [
    ("HttpURLConnection buffering a request body (`PosterOutputStream`)", ["PosterOutputStream"]),
    ("JSON-P writing a request body (`JsonGeneratorImpl`)", ["JsonGeneratorImpl"]),
    ("AssureBodies", ["AssureBodies"]),
    ("JSON-P provider lookups (`JsonProvider.provider`)", ["jakarta.json.spi.JsonProvider.provider("]),
]


def events(jfr, kind):
    text = subprocess.run(["jfr", "print", "--events", kind, "--stack-depth", "256", jfr],
                          check=True, capture_output=True, text=True).stdout
    for chunk in text.split(kind + " {")[1:]:
        stack = re.search(r"stackTrace = \[(.*?)\n\s*\]", chunk, re.S)
        yield chunk, (stack.group(1) if stack else "")


def weight(chunk):
    m = re.search(r"weight = ([\d.]+) (bytes|kB|MB|GB)", chunk)
    return float(m.group(1)) * {"bytes": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}[m.group(2)] if m else 0


def main(jfr, gclog):
    cpu = collections.Counter()
    samples = 0
    for _, stack in events(jfr, "jdk.ExecutionSample"):
        samples += 1
        for name, needles in CPU_ROWS:
            if all(n in stack for n in needles):
                cpu[name] += 1
    alloc = collections.Counter()
    total = 0.0
    for chunk, stack in events(jfr, "jdk.ObjectAllocationSample"):
        w = weight(chunk)
        total += w
        for name, needles in ALLOC_ROWS:
            if all(n in stack for n in needles):
                alloc[name] += w
    print(f"Recording `{jfr}`: {samples} CPU samples, {total / 1024 ** 3:.1f} GB of allocation sampled.\n")
    print("| on CPU (share of all samples) | share |\n|---|---:|")
    for name, _ in CPU_ROWS:
        print(f"| {name} | {100.0 * cpu[name] / max(1, samples):.1f}% |")
    print("\n| allocated by (share of sampled bytes) | share |\n|---|---:|")
    for name, _ in ALLOC_ROWS:
        print(f"| {name} | {100.0 * alloc[name] / max(1.0, total):.1f}% |")
    causes = collections.Counter()
    pause_ms = 0.0
    with open(gclog) as log:
        for line in log:
            m = re.search(r"Pause (Young|Full|Remark|Cleanup)( \([^)]*\))? ?(\([^)]*\))?.* ([\d.]+)ms$", line)
            if m:
                causes[(m.group(1) + (m.group(2) or "")).strip() + " " + (m.group(3) or "")] += 1
                pause_ms += float(m.group(4))
    print(f"\nGC (`{gclog}`, last start only): {sum(causes.values())} pauses, {pause_ms / 1000:.1f} s paused in all.\n")
    print("| pause (cause) | n |\n|---|---:|")
    for cause, n in causes.most_common():
        print(f"| {cause.strip()} | {n} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
