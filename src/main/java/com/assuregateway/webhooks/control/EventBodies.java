package com.assuregateway.webhooks.control;

import com.assuregateway.shared.control.Jsonp;
import com.assuregateway.webhooks.entity.EventPayload;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;

/**
 * An event's body as it is stored once and sent: {@code {"type", "timestamp", "data"}}, the data being the
 * payload record's components by name (ids, statuses, reasons and instants only; null stays null, so every
 * event of a type has the same members).
 */
final class EventBodies {

    private EventBodies() {
    }

    static String of(EventPayload payload, Instant timestamp) {
        JsonObjectBuilder data = Jsonp.PROVIDER.createObjectBuilder();
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            Object value = read(component, payload);
            if (value == null) {
                data.add(component.getName(), JsonValue.NULL);
            } else {
                data.add(component.getName(), value.toString());
            }
        }
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("type", payload.type().wire())
                .add("timestamp", timestamp.toString())
                .add("data", data)
                .build().toString();
    }

    private static Object read(RecordComponent component, EventPayload payload) {
        try {
            return component.getAccessor().invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("payload component " + component.getName(), e);
        }
    }
}
