package io.ringbook.app;

import io.ringbook.engine.domain.ReferenceData;

/** The demo profile's reference data, for tests in other packages of the app. */
public final class DemoProfileAccess {

    private DemoProfileAccess() {
    }

    public static ReferenceData referenceData() {
        return DemoProfile.referenceData();
    }
}
