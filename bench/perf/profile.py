#!/usr/bin/env python3
"""Summarises a gateway flight recording and GC log of bench/perf/run.sh (BENCH_JFR=...) as Markdown.

    bench/perf/profile.py target/perf/run/gateway.jfr target/perf/run/gc.log > docs/performance/profile-x.md
    bench/perf/profile.py target/perf/run/gateway.jfr - > ...   # without the GC part

CPU: the share of JFR execution samples (Java threads on CPU, every 20 ms with settings=profile) whose stack holds a
given frame; a sample can count under several rows; and each sample once, under the innermost framework on its stack
(JDK frames skipped: a HashMap lookup EclipseLink makes is EclipseLink's). The JIT compiler's threads are native and
never sampled (bench/perf/run.sh reports their CPU). Allocation: JFR's allocation samples, weighted by the bytes they
stand for. GC: the pauses of the -Xlog:gc file, by cause. The whole recording is counted: warm-up, every phase, start-up
included, and with BENCH_SANDBOX=inside the sandbox's requests too.
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
    ("MicroProfile Fault Tolerance (Payara's)", ["fish.payara.microprofile.faulttolerance"]),
    ("Weld (CDI proxies, interceptors, contexts)", ["org.jboss.weld."]),
    ("EJB container", ["com.sun.ejb."]),
    ("Jersey client (calls to Assure)", ["org.glassfish.jersey.client."]),
    ("audit events written (`AuditLog`, `AuditWriter`)", ["com.assuregateway.audit.control.Audit"]),
]
# the innermost framework on a sample's stack: the first of these met from the top frame down (JDK frames skipped)
FRAMEWORKS = [
    ("the gateway's own code", "com.assuregateway."),
    ("EclipseLink", "org.eclipse.persistence."),
    ("PostgreSQL driver", "org.postgresql."),
    ("connection pool", "com.sun.gjc."),
    ("connection pool", "com.sun.enterprise.resource."),
    ("JTA", "com.sun.enterprise.transaction."),
    ("JTA", "com.sun.jts."),
    ("EJB container", "com.sun.ejb."),
    ("Weld", "org.jboss.weld."),
    ("Fault Tolerance", "fish.payara.microprofile.faulttolerance"),
    ("JWT check", "fish.payara.microprofile.jwtauth"),
    ("Nimbus JOSE (JWT)", "com.nimbusds."),
    ("security (Soteria, JASPIC)", "org.glassfish.soteria."),
    ("security (Soteria, JASPIC)", "com.sun.enterprise.security."),
    ("security (Soteria, JASPIC)", "com.sun.web.security."),
    ("Jersey client", "org.glassfish.jersey.client."),
    ("Jersey server", "org.glassfish.jersey."),
    ("HK2", "org.jvnet.hk2."),
    ("HK2", "org.glassfish.hk2."),
    ("JSON-P, JSON-B", "org.eclipse.parsson."),
    ("JSON-P, JSON-B", "org.eclipse.yasson."),
    ("Grizzly, Catalina (HTTP server)", "org.glassfish.grizzly."),
    ("Grizzly, Catalina (HTTP server)", "org.apache.catalina."),
    ("Grizzly, Catalina (HTTP server)", "com.sun.enterprise.web."),
    ("metrics", "fish.payara.microprofile.metrics"),
    ("other Payara", "fish.payara."),
    ("other Payara", "com.sun."),
    ("other Payara", "org.glassfish."),
]
JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.crypto.", "com.sun.net.")


def innermost(stack):
    for frame in stack.split("\n"):
        frame = frame.strip()
        if not frame or frame.startswith(JDK):
            continue
        for name, prefix in FRAMEWORKS:
            if frame.startswith(prefix):
                return name
        return "other libraries"
    return "JDK only"
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
    inner = collections.Counter()
    samples = 0
    for _, stack in events(jfr, "jdk.ExecutionSample"):
        samples += 1
        inner[innermost(stack)] += 1
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
    print("\n| innermost framework on the stack (share of all samples) | share |\n|---|---:|")
    for name, n in inner.most_common():
        print(f"| {name} | {100.0 * n / max(1, samples):.1f}% |")
    print("\n| allocated by (share of sampled bytes) | share |\n|---|---:|")
    for name, _ in ALLOC_ROWS:
        print(f"| {name} | {100.0 * alloc[name] / max(1.0, total):.1f}% |")
    if gclog == "-":  # the GC log was not kept
        return
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
