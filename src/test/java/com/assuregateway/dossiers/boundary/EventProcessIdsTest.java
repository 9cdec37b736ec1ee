package com.assuregateway.dossiers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.shared.control.Jsonp;
import jakarta.json.JsonValue;
import jakarta.json.JsonArrayBuilder;
import org.junit.jupiter.api.Test;

/** Which process ids an event names: anywhere in it, distinct, and never more than the cap asks for. */
class EventProcessIdsTest {

    @Test
    void idsAreFoundAnywhereAndCountedOnce() {
        JsonValue event = Jsonp.PROVIDER.createObjectBuilder().add("eventName", "process.complete")
                .add("eventData", Jsonp.PROVIDER.createObjectBuilder().add("processId", "a")
                        .add("more", Jsonp.PROVIDER.createArrayBuilder().add(Jsonp.PROVIDER.createObjectBuilder().add("processId", "b"))
                                .add(Jsonp.PROVIDER.createObjectBuilder().add("processId", "a"))
                                .add(Jsonp.PROVIDER.createObjectBuilder().add("processId", " "))))
                .build();
        assertThat(AssureEventsResource.processIds(event, 101)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void theWalkStopsOnceMoreThanTheCapIsFound() {
        JsonArrayBuilder many = Jsonp.PROVIDER.createArrayBuilder();
        for (int i = 0; i < 10_000; i++) {
            many.add(Jsonp.PROVIDER.createObjectBuilder().add("processId", "p" + i));
        }
        assertThat(AssureEventsResource.processIds(many.build(), 101)).hasSize(101);
    }

    @Test
    void aDeeplyNestedEventDoesNotOverflowTheStack() {
        JsonValue nested = Jsonp.PROVIDER.createObjectBuilder().add("processId", "deep").build();
        for (int i = 0; i < 50_000; i++) {
            nested = Jsonp.PROVIDER.createArrayBuilder().add(nested).build();
        }
        assertThat(AssureEventsResource.processIds(nested, 101)).containsExactly("deep");
    }
}
