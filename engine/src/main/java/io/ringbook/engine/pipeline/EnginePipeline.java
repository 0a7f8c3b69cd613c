package io.ringbook.engine.pipeline;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringbook.engine.command.Command;
import io.ringbook.engine.event.EngineEvent;
import io.ringbook.engine.event.EngineListener;
import io.ringbook.engine.event.EventSink;
import io.ringbook.engine.health.HealthCheck;
import io.ringbook.engine.health.HealthComponent;
import io.ringbook.engine.health.HealthStatus;
import io.ringbook.engine.logic.BusinessLogic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The running engine: an inbound ring of preallocated commands (many producers), one
 * decision thread that journals and decides each batch, and an outbound ring of
 * preallocated events read by separate consumers, each with its own sequence: the edges
 * (gateways, read models; on a thread of their own, cut off if they stall,
 * {@link EdgeWatchdog}), the replies to waiting callers (after the edges, on the edges'
 * thread while it runs, on their own once the edges are cut off) and the output journal
 * (on a thread of its own, or, on a small machine, on the edges' thread after each batch's
 * replies and flushes, {@link OutputJournalThread}: a batch's replies never wait for its
 * journaling, a later batch's wait while an append blocks). Build
 * it with {@link #builder}, then {@link #start()}.
 */
public final class EnginePipeline implements AutoCloseable {

    private final PipelineConfig config;
    private final RingBuffer<Command> inbound;
    private final RingBuffer<EngineEvent> outbound;
    private final BatchEventProcessor<Command> decisionProcessor;
    private final List<OutboundConsumer> consumers = new ArrayList<>();
    private final EdgeWatchdog watchdog;
    private final DecisionFailure decisionFailure;
    private final CommandPublisher publisher;
    private final BusinessLogic logic;
    private final List<Thread> threads = new ArrayList<>();
    private final List<CommandTimer> timers = new ArrayList<>();

    private EnginePipeline(Builder builder) {
        this.config = builder.config;
        this.inbound = RingBuffer.create(ProducerType.MULTI, Command::new, config.ringSize(), config.waitStrategy().create());
        this.outbound = RingBuffer.createSingleProducer(EngineEvent::new, config.outboundRingSize(), config.outboundWait().create());
        OutboundPublisher outboundPublisher = new OutboundPublisher(outbound, builder.clock);
        this.logic = builder.logicFactory.apply(outboundPublisher);
        ReplyRouter replies = new ReplyRouter();
        this.publisher = new CommandPublisher(inbound, replies, builder.clock);

        DecisionHandler decisions = new DecisionHandler(inbound, logic, outboundPublisher, builder.journal, builder.clock,
                builder.snapshots, builder.lastSequence, builder.lastEventTime);
        this.decisionProcessor = new BatchEventProcessorBuilder().setMaxBatchSize(config.maxBatchSize())
                .build(inbound, inbound.newBarrier(), decisions);
        this.decisionFailure = new DecisionFailure(publisher);
        decisionProcessor.setExceptionHandler(decisionFailure);
        inbound.addGatingSequences(decisionProcessor.getSequence());

        // the edges may be cut off; the replies follow them (a caller answered can read its order in the read models),
        // on the edges' thread until a cut-off; the output journal reads the ring on its own thread, or, on a small machine,
        // follows the edges too, after each batch's replies and flushes (so an append that blocks holds the next batches)
        OutboundConsumer edges = new OutboundConsumer("outbound", true, outbound, builder.listeners.toArray(EngineListener[]::new));
        consumers.add(edges);
        consumers.add(new OutboundConsumer("replies", outbound, new EngineListener[] {replies}, edges, false));
        if (!builder.outputJournal.isEmpty()) {
            EngineListener[] journal = builder.outputJournal.toArray(EngineListener[]::new);
            consumers.add(config.outputJournalThread() == OutputJournalThread.FOLLOWING
                    ? new OutboundConsumer("output-journal", outbound, journal, edges, true)
                    : new OutboundConsumer("output-journal", false, outbound, journal));
        }
        consumers.forEach(consumer -> outbound.addGatingSequences(consumer.progress()));
        this.watchdog = new EdgeWatchdog(consumers, outbound.getBufferSize());
    }

    public static Builder builder(Function<EventSink, BusinessLogic> logicFactory) {
        return new Builder(logicFactory);
    }

    public EnginePipeline start() {
        consumers.forEach(consumer -> threads.add(startThread(consumer.processor(), "ringbook-" + consumer.name())));
        watchdog.start();
        threads.add(startThread(decisionProcessor, "ringbook-logic"));
        if (config.clockTickMillis() > 0) {
            timers.add(new CommandTimer("ringbook-clock", publisher, config.clockTickMillis(), Command::clockTick));
        }
        if (config.snapshotIntervalMillis() > 0) {
            timers.add(new CommandTimer("ringbook-snapshot-timer", publisher, config.snapshotIntervalMillis(), Command::snapshot));
        }
        return this;
    }

    public CommandPublisher publisher() {
        return publisher;
    }

    /**
     * The business logic, for inspection by tests and tools only: it belongs to the
     * decision thread, so read it only when the pipeline is idle or stopped.
     */
    public BusinessLogic logic() {
        return logic;
    }

    /**
     * The rings (DEGRADED when the inbound ring is more than 90% full, DOWN once stopped;
     * with the wait strategies their consumers run with), the business-logic thread (DOWN
     * if it died or stopped; the command it failed on by sequence, type, journal record in
     * hex and failure, if it was one, sequence 0 if none; with the growth of the day's
     * clOrdId index beyond its configured size) and the outbound consumers (DEGRADED once a
     * listener has failed, an edge was cut off or the output journal following the edges
     * has been in one append for over a second; each one's lag), for the admin API's health.
     */
    public List<HealthComponent> health() {
        HealthComponent rings = HealthComponent.of("ringBuffer", true, () -> {
            long inboundUsed = inbound.getBufferSize() - inbound.remainingCapacity();
            long outboundUsed = outbound.getBufferSize() - outbound.remainingCapacity();
            HealthStatus status = !decisionProcessor.isRunning() ? HealthStatus.DOWN
                    : inboundUsed * 10 > inbound.getBufferSize() * 9L ? HealthStatus.DEGRADED : HealthStatus.UP;
            return new HealthCheck(status, Map.of("inboundSize", inbound.getBufferSize(), "inboundUsed", inboundUsed,
                    "outboundSize", outbound.getBufferSize(), "outboundUsed", outboundUsed,
                    "waitStrategy", config.waitStrategy().name(), "outboundWait", config.outboundWait().name(),
                    "outputJournalThread", outputJournalThreadNow()));
        });
        HealthComponent logicThread = HealthComponent.of("businessLogic", true, () -> {
            boolean alive = !threads.isEmpty() && threads.stream().allMatch(Thread::isAlive);
            String stopped = publisher.stoppedBecause();
            CommandFailedException poison = decisionFailure.failedCommand();
            return new HealthCheck(decisionProcessor.isRunning() && stopped == null ? HealthStatus.UP : HealthStatus.DOWN, Map.of(
                    "inboundProcessed", decisionProcessor.getSequence().get(),
                    "outboundProcessed", consumers.get(0).processor().getSequence().get(), "threadsAlive", alive,
                    "stopped", stopped == null ? "no" : stopped, "clOrdIdIndexSplits", logic.clOrdIdIndexSplits(),
                    "failedCommandSequence", poison == null ? 0L : poison.sequence(),
                    "failedCommandType", poison == null ? "none" : poison.type().name(),
                    "failedCommandRecord", poison == null ? "" : poison.recordHex(),
                    "failedCommandFailure", poison == null ? "" : String.valueOf(poison.getCause())));
        });
        HealthComponent outboundListeners = HealthComponent.of("outboundListeners", false, () -> {
            long failures = consumers.stream().mapToLong(c -> c.handler().failures()).sum();
            String lastFailure = consumers.stream().map(c -> c.handler().lastFailure()).filter(f -> !f.isEmpty()).findFirst().orElse("");
            Map<String, Object> details = new LinkedHashMap<>(Map.of("failures", failures, "lastFailure", lastFailure));
            String cutOff = "";
            for (OutboundConsumer consumer : consumers) {
                details.put(consumer.name() + "Lag", consumer.lag());
                if (consumer.isCutOff()) {
                    cutOff = consumer.name() + ": " + consumer.cutOffBecause();
                }
            }
            details.put("cutOff", cutOff.isEmpty() ? "none" : cutOff);
            // the output journal following the edges on their thread: an append that blocks (a stalled disk) holds the
            // replies, and the watchdog rightly does not blame the edges for it, so health says so instead
            OutboundConsumer edges = consumers.get(0);
            long journalingMs = TimeUnit.NANOSECONDS.toMillis(edges.trailingForNanos(System.nanoTime()));
            if (edges.hasTrailer()) {
                details.put("outputJournalStepMs", journalingMs);
            }
            boolean journalStuck = journalingMs * TimeUnit.MILLISECONDS.toNanos(1) > EdgeWatchdog.GRACE_NANOS;
            return new HealthCheck(failures == 0 && cutOff.isEmpty() && !journalStuck ? HealthStatus.UP : HealthStatus.DEGRADED, details);
        });
        return List.of(rings, logicThread, outboundListeners);
    }

    /** Whether every published command is decided and every event delivered. */
    public boolean isIdle() {
        return decisionProcessor.getSequence().get() == inbound.getCursor()
                && consumers.stream().allMatch(OutboundConsumer::isCaughtUp);
    }

    /**
     * Refuses new commands, stops the timers, lets the rings drain (up to a few seconds:
     * every command taken is decided and its events delivered to the listeners), then
     * stops the threads. Close the doors after this, so that the answers reach them.
     */
    @Override
    public void close() {
        publisher.close();
        timers.forEach(CommandTimer::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!isIdle() && publisher.stoppedBecause() == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        watchdog.close();
        decisionProcessor.halt();
        consumers.forEach(consumer -> consumer.processor().halt());
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Thread startThread(Runnable processor, String name) {
        Thread thread = new Thread(processor, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Assembles a pipeline: the logic, its journal, clock, listeners and configuration. */
    public static final class Builder {

        private final Function<EventSink, BusinessLogic> logicFactory;
        private final List<EngineListener> listeners = new ArrayList<>();
        private final List<EngineListener> outputJournal = new ArrayList<>();
        private PipelineConfig config = PipelineConfig.DEFAULTS;
        private JournalStage journal = JournalStage.NONE;
        private SnapshotHook snapshots = SnapshotHook.NONE;
        private EpochClock clock = EpochClock.system();
        private long lastSequence;
        private long lastEventTime;

        private Builder(Function<EventSink, BusinessLogic> logicFactory) {
            this.logicFactory = logicFactory;
        }

        public Builder config(PipelineConfig pipelineConfig) {
            this.config = pipelineConfig;
            return this;
        }

        public Builder journal(JournalStage stage) {
            this.journal = stage;
            return this;
        }

        public Builder snapshots(SnapshotHook hook) {
            this.snapshots = hook;
            return this;
        }

        public Builder clock(EpochClock epochClock) {
            this.clock = epochClock;
            return this;
        }

        /**
         * Where recovery left off: the sequence and event time of the last command already
         * decided. The next command gets the next sequence and a time no earlier.
         */
        public Builder resumeAfter(long sequence, long eventTimeNanos) {
            this.lastSequence = sequence;
            this.lastEventTime = eventTimeNanos;
            return this;
        }

        /** An edge: a gateway, read model or recorder, served on the outbound thread, which is cut off if it stalls. */
        public Builder listener(EngineListener listener) {
            listeners.add(listener);
            return this;
        }

        /**
         * The output journal: never cut off; on a
         * thread of its own or following the edges on theirs, as the configuration says.
         */
        public Builder outputJournal(EngineListener journal) {
            outputJournal.add(journal);
            return this;
        }

        public EnginePipeline build() {
            return new EnginePipeline(this);
        }
    }

    /**
     * Where the output journal runs now: {@code FOLLOWING} the edges until they are cut
     * off, {@code OWN} from then on (its own thread took over), or as configured.
     */
    private String outputJournalThreadNow() {
        boolean tookOver = config.outputJournalThread() == OutputJournalThread.FOLLOWING && consumers.get(0).isCutOff();
        return tookOver ? OutputJournalThread.OWN.name() : config.outputJournalThread().name();
    }
}
