package io.ringbook.engine.health;

import java.util.function.Supplier;

/**
 * One part of the running engine that can say how it is: the rings, the business-logic
 * thread, the journal's disk, each gateway, the JVM. Defined here so that the modules
 * that have such parts implement it and the admin API reads them all without depending
 * on those modules. {@link #check} is called from the admin API's threads, so it reads
 * only what is safe to read there.
 */
public interface HealthComponent {

    String name();

    HealthCheck check();

    /** Whether this component being DOWN makes the engine DOWN (else only DEGRADED). */
    default boolean critical() {
        return true;
    }

    /** A component made of a name and a check. */
    static HealthComponent of(String name, boolean critical, Supplier<HealthCheck> check) {
        return new HealthComponent() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthCheck check() {
                return check.get();
            }

            @Override
            public boolean critical() {
                return critical;
            }
        };
    }
}
