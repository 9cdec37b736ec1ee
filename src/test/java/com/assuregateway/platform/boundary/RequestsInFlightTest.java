package com.assuregateway.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestsInFlightTest {

    /** What the container's response received. */
    static final class Recorded {
        int status = 200;
        boolean committed;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "setHeader", "addHeader" -> {
                            headers.put((String) args[0], (String) args[1]);
                            yield null;
                        }
                        case "setContentType" -> {
                            headers.put("Content-Type", (String) args[0]);
                            yield null;
                        }
                        case "setContentLength" -> {
                            headers.put("Content-Length", String.valueOf(args[0]));
                            yield null;
                        }
                        case "reset" -> {
                            headers.clear();
                            body.reset();
                            yield null;
                        }
                        case "flushBuffer" -> {
                            committed = true;
                            yield null;
                        }
                        case "isCommitted" -> committed;
                        case "getOutputStream" -> out;
                        case "getCharacterEncoding" -> "UTF-8";
                        default -> null;
                    });
        }
    }

    @Test
    void textWrittenAndNeverFlushedReachesTheContainerWhenTheRequestLeaves() throws Exception {
        RequestsInFlight requests = new RequestsInFlight();
        Recorded container = new Recorded();
        RequestsInFlight.Ticket ticket = requests.enter(container.response());
        // as a servlet filter answers with getWriter() and returns, trusting the container to flush
        ticket.response().getWriter().write("{\"traceId\":\"abc\"}");
        assertThat(container.body.size()).as("still in the writer's buffer").isZero();
        requests.leave(ticket);
        assertThat(container.body.toString(StandardCharsets.UTF_8)).isEqualTo("{\"traceId\":\"abc\"}");
    }

    @Test
    void aRequestStillRunningAtTheLimitGetsTheProblemAndItsOwnLateAnswerIsDropped() throws Exception {
        RequestsInFlight requests = new RequestsInFlight();
        Recorded container = new Recorded();
        RequestsInFlight.Ticket ticket = requests.enter(container.response());
        HttpServletResponse seenByTheRequest = ticket.response();
        seenByTheRequest.setHeader("X-Partial", "yes");

        assertThat(requests.awaitIdle(50)).isFalse();
        byte[] problem = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
        assertThat(requests.answerRemaining(503, problem, 2)).isEqualTo(1);

        assertThat(container.status).isEqualTo(503);
        assertThat(container.headers).containsEntry("Retry-After", "2").containsEntry("Connection", "close")
                .containsEntry("Content-Length", String.valueOf(problem.length)).doesNotContainKey("X-Partial");
        assertThat(container.body.toString(StandardCharsets.UTF_8)).isEqualTo("{\"status\":503}");

        // the request's thread comes back from Assure after all: nothing of its answer reaches the client
        seenByTheRequest.setStatus(202);
        seenByTheRequest.setHeader("Location", "/late");
        seenByTheRequest.getOutputStream().write("late".getBytes(StandardCharsets.UTF_8));
        assertThat(container.status).isEqualTo(503);
        assertThat(container.headers).doesNotContainKey("Location");
        assertThat(container.body.toString(StandardCharsets.UTF_8)).isEqualTo("{\"status\":503}");

        requests.leave(ticket);
        assertThat(requests.awaitIdle(50)).isTrue();
    }

    @Test
    void anAnswerAlreadyOnItsWayIsNotReplaced() {
        RequestsInFlight requests = new RequestsInFlight();
        Recorded container = new Recorded();
        RequestsInFlight.Ticket ticket = requests.enter(container.response());
        ticket.response().setStatus(200);
        container.committed = true;

        assertThat(requests.answerRemaining(503, new byte[]{'x'}, 2)).isZero();
        assertThat(container.status).isEqualTo(200);
    }

    @Test
    void thePhasesOnlyMoveForwards() {
        RequestsInFlight requests = new RequestsInFlight();
        assertThat(requests.phase()).isEqualTo(RequestsInFlight.Phase.SERVING);
        requests.drain();
        assertThat(requests.phase()).isEqualTo(RequestsInFlight.Phase.DRAINING);
        requests.close();
        requests.drain();
        assertThat(requests.phase()).isEqualTo(RequestsInFlight.Phase.CLOSED);
    }
}
