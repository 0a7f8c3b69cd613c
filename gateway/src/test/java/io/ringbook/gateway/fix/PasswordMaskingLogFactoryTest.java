package io.ringbook.gateway.fix;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordMaskingLogFactoryTest {

    @Test
    void shouldBlankEveryPasswordFieldAndLeaveTheRestAsItIs() {
        String logon = "8=FIX.4.4\u00019=70\u000135=A\u0001554=t1-key\u000198=0\u0001108=30\u0001";
        assertEquals("8=FIX.4.4\u00019=70\u000135=A\u0001554=***\u000198=0\u0001108=30\u0001", PasswordMaskingLogFactory.mask(logon));
        assertEquals("554=***\u00011554=kept\u0001", PasswordMaskingLogFactory.mask("554=secret\u00011554=kept\u0001"),
                "a message may start with it; other tags ending in 554 are not passwords");
    }
}
