package com.assuregateway.persistence.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeaseHolderTest {

    private static final Leases.Work WORK = new Leases.Work("Row", "w.due IS NOT NULL");

    /** The leases as the database keeps them: row id to owner. */
    static final class TableOfLeases extends Leases {
        final Map<String, String> held = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public boolean take(Work work, String id, String owner, long leaseSeconds) {
            calls.add("take " + work.entity() + " " + id);
            return held.putIfAbsent(id, owner) == null;
        }

        @Override
        public void release(Work work, String id, String owner) {
            held.remove(id, owner);
        }

        @Override
        public int releaseAll(Work work, String owner) {
            int before = held.size();
            held.values().removeIf(owner::equals);
            return before - held.size();
        }
    }

    @Test
    void twoHoldersNeverHoldOneRowAndEachGivesBackOnlyItsOwn() {
        TableOfLeases table = new TableOfLeases();
        LeaseHolder first = new LeaseHolder(table, WORK, "follow-up");
        LeaseHolder second = new LeaseHolder(table, WORK, "follow-up");

        assertThat(first.take("a", 60)).isTrue();
        assertThat(second.take("a", 60)).as("held by the other instance").isFalse();
        assertThat(second.take("b", 60)).isTrue();
        second.release("a");
        assertThat(table.held).containsOnlyKeys("a", "b");

        first.handBack();
        assertThat(table.held).containsOnlyKeys("b");
        assertThat(first.stopping()).isTrue();
        assertThat(second.stopping()).isFalse();
        assertThat(table.calls).allMatch(call -> call.startsWith("take Row "));
    }

    @Test
    void aRoundIsNotOverlappedByTheNextAndNoneStartsOnceTheInstanceStops() {
        LeaseHolder holder = new LeaseHolder(new TableOfLeases(), WORK, "webhook delivery");
        AtomicInteger rounds = new AtomicInteger();
        holder.round(() -> {
            rounds.incrementAndGet();
            holder.round(rounds::incrementAndGet); // a tick while this round still runs
        });
        assertThat(rounds).hasValue(1);
        holder.round(rounds::incrementAndGet);
        assertThat(rounds).as("the next tick runs once the round ended").hasValue(2);

        holder.stopTaking();
        holder.round(rounds::incrementAndGet);
        assertThat(rounds).hasValue(2);
        assertThat(holder.stopping()).isTrue();
    }

    @Test
    void aRoundThatFailsLetsTheNextOneRun() {
        LeaseHolder holder = new LeaseHolder(new TableOfLeases(), WORK, "follow-up");
        try {
            holder.round(() -> {
                throw new IllegalStateException("the database is away");
            });
        } catch (IllegalStateException expected) {
            // the timer logs it
        }
        AtomicInteger rounds = new AtomicInteger();
        holder.round(rounds::incrementAndGet);
        assertThat(rounds).hasValue(1);
    }
}
