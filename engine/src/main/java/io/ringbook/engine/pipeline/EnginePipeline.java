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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The running engine: an inbound ring of preallocated commands (many producers), one
 * decision thread that journals and decides each batch, and an outbound ring of
 * preallocated events read by one outbound thread that serves the listeners and the
 * waiting callers. Build it with {@link #builder}, then {@link #start()}.
 */
public final class EnginePipeline implements AutoCloseable {

    private final PipelineConfig config;
    private final RingBuffer<Command> inbound;
    private final RingBuffer<EngineEvent> outbound;
    private final BatchEventProcessor<Command> decisionProcessor;
    private final BatchEventProcessor<EngineEvent> outboundProcessor;
    private final OutboundHandler outboundHandler;
    private final DecisionFailure decisionFailure;
    private final CommandPublisher publisher;
    private final BusinessLogic logic;
    private final List<Thread> threads = new ArrayList<>();
    private final List<CommandTimer> timers = new ArrayList<>();

    private EnginePipeline(Builder builder) {
        this.config = builder.config;
        this.inbound = RingBuffer.create(ProducerType.MULTI, Command::new, config.ringSize(), config.waitStrategy().create());
        this.outbound = RingBuffer.createSingleProducer(EngineEvent::new, config.outboundRingSize(), config.outboundWait().create());
        this.logic = builder.logicFactory.apply(new OutboundPublisher(outbound, builder.clock));
        ReplyRouter replies = new ReplyRouter();
        this.publisher = new CommandPublisher(inbound, replies, builder.clock);

        DecisionHandler decisions = new DecisionHandler(inbound, logic, builder.journal, builder.clock,
                builder.snapshots, builder.lastSequence, builder.lastEventTime);
        this.decisionProcessor = new BatchEventProcessorBuilder().setMaxBatchSize(config.maxBatchSize())
                .build(inbound, inbound.newBarrier(), decisions);
        this.decisionFailure = new DecisionFailure(publisher);
        decisionProcessor.setExceptionHandler(decisionFailure);
        inbound.addGatingSequences(decisionProcessor.getSequence());

        List<EngineListener> listeners = new ArrayList<>(builder.listeners);
        listeners.add(replies);
        this.outboundHandler = new OutboundHandler(listeners.toArray(EngineListener[]::new));
        this.outboundProcessor = new BatchEventProcessorBuilder().build(outbound, outbound.newBarrier(), outboundHandler);
        outboundProcessor.setExceptionHandler(outboundHandler);
        outbound.addGatingSequences(outboundProcessor.getSequence());
    }

    public static Builder builder(Function<EventSink, BusinessLogic> logicFactory) {
        return new Builder(logicFactory);
    }

    public EnginePipeline start() {
        threads.add(startThread(outboundProcessor, "ringbook-outbound"));
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
     * The rings (DEGRADED when the inbound ring is more than 90% full, DOWN once stopped),
     * the business-logic thread (DOWN if it died or stopped; the command it failed on by
     * sequence, type, journal record in hex and failure, if it was one; sequence 0 if none) and the outbound listeners (DEGRADED
     * once one has failed), for the admin API's health.
     */
    public List<HealthComponent> health() {
        HealthComponent rings = HealthComponent.of("ringBuffer", true, () -> {
            long inboundUsed = inbound.getBufferSize() - inbound.remainingCapacity();
            long outboundUsed = outbound.getBufferSize() - outbound.remainingCapacity();
            HealthStatus status = !decisionProcessor.isRunning() ? HealthStatus.DOWN
                    : inboundUsed * 10 > inbound.getBufferSize() * 9L ? HealthStatus.DEGRADED : HealthStatus.UP;
            return new HealthCheck(status, Map.of("inboundSize", inbound.getBufferSize(), "inboundUsed", inboundUsed,
                    "outboundSize", outbound.getBufferSize(), "outboundUsed", outboundUsed));
        });
        HealthComponent logicThread = HealthComponent.of("businessLogic", true, () -> {
            boolean alive = !threads.isEmpty() && threads.stream().allMatch(Thread::isAlive);
            String stopped = publisher.stoppedBecause();
            CommandFailedException poison = decisionFailure.failedCommand();
            return new HealthCheck(alive && stopped == null ? HealthStatus.UP : HealthStatus.DOWN, Map.of(
                    "inboundProcessed", decisionProcessor.getSequence().get(),
                    "outboundProcessed", outboundProcessor.getSequence().get(), "threadsAlive", alive,
                    "stopped", stopped == null ? "no" : stopped,
                    "failedCommandSequence", poison == null ? 0L : poison.sequence(),
                    "failedCommandType", poison == null ? "none" : poison.type().name(),
                    "failedCommandRecord", poison == null ? "" : poison.recordHex(),
                    "failedCommandFailure", poison == null ? "" : String.valueOf(poison.getCause())));
        });
        HealthComponent outboundListeners = HealthComponent.of("outboundListeners", false, () -> new HealthCheck(
                outboundHandler.failures() == 0 ? HealthStatus.UP : HealthStatus.DEGRADED,
                Map.of("failures", outboundHandler.failures(), "lastFailure", outboundHandler.lastFailure())));
        return List.of(rings, logicThread, outboundListeners);
    }

    /** Whether every published command is decided and every event delivered. */
    public boolean isIdle() {
        return decisionProcessor.getSequence().get() == inbound.getCursor()
                && outboundProcessor.getSequence().get() == outbound.getCursor();
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
        decisionProcessor.halt();
        outboundProcessor.halt();
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

        public Builder listener(EngineListener listener) {
            listeners.add(listener);
            return this;
        }

        public EnginePipeline build() {
            return new EnginePipeline(this);
        }
    }
}
