package io.ringbook.app;

import org.junit.jupiter.api.Test;
import quickfix.Message;
import quickfix.field.MsgType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FIX logon per API.md: the account's CompID and FIX password, refused with a Logout before any session state is touched. */
class FixLogonTest extends FixDemoTest {

    @Test
    void aLogonWithoutTheRightCompIdAndPasswordIsRefusedWithALogoutSayingWhy() throws Exception {
        assertRefused(new FixClient("T9", "t1-key", engine.fixPort(), clients.resolve("T9")), "unknown SenderCompID");
        assertRefused(new FixClient("T1", "t2-key", engine.fixPort(), clients.resolve("wrong")), "wrong Password(554)");
        assertRefused(new FixClient("T1", null, engine.fixPort(), clients.resolve("none")), "Password(554) missing");
    }

    @Test
    void aRefusedLogonNeitherTouchesNorRevealsTheStoredSession() throws Exception {
        try (FixClient t1 = client("T1")) {
            t1.send(statusRequest("none", "TEST", '1'));
            t1.next(MsgType.EXECUTION_REPORT);
        }
        Map<String, String> stored = settledStoreOf("T1");
        Message tooLow = assertRefused(new FixClient("T1", "guessed-password", engine.fixPort(), clients.resolve("low")),
                "wrong Password(554)");
        assertEquals(1, tooLow.getHeader().getInt(34), "the refusal belongs to no session: nothing of T1's numbering shows");
        assertFalse(tooLow.getString(58).contains("expect"), tooLow.getString(58));
        assertRefused(new FixClient("T1", "guessed-password", engine.fixPort(), clients.resolve("reset"), true), "wrong Password(554)");
        assertEquals(stored, storeOf("T1"), "no sequence number moved, nothing was stored, reset or resent");

        try (FixClient again = client("T1")) {
            assertFalse(again.next(MsgType.LOGON).isSetField(141), "the session goes on without a reset");
        }
    }

    /** The acceptor's stored files of a session once they stop changing (its last logout handled), within 5 s. */
    private Map<String, String> settledStoreOf(String compId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Map<String, String> last = storeOf(compId);
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            Map<String, String> now = storeOf(compId);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the store of " + compId + " kept changing");
    }

    /** File name to content (Base64) of what the acceptor keeps of a session: sequence numbers, messages, creation time. */
    private Map<String, String> storeOf(String compId) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(data.resolve("fix"))) {
            for (Path file : list.filter(f -> f.getFileName().toString().contains("-RINGBOOK-" + compId + ".")).toList()) {
                files.put(file.getFileName().toString(), Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
            }
        }
        assertFalse(files.isEmpty(), "the acceptor keeps a store for " + compId);
        return files;
    }

    /** The client is never logged on and is told why in a Logout; returns that Logout. */
    private static Message assertRefused(FixClient refused, String why) throws Exception {
        try (refused) {
            Message logout = refused.next(MsgType.LOGOUT);
            assertTrue(logout.getString(58).contains(why), logout.getString(58));
            assertFalse(refused.awaitLogon(0), "not logged on");
            return logout;
        }
    }
}
