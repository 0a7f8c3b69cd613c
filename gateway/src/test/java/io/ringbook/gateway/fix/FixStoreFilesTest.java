package io.ringbook.gateway.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.CachedFileStore;
import quickfix.CachedFileStoreFactory;
import quickfix.FileStoreFactory;
import quickfix.MessageStore;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A session store written by QuickFIX/J's FileStore (before this version) opens in the CachedFileStore with its sequence numbers and messages. */
class FixStoreFilesTest {

    private static final SessionID SESSION = new SessionID("FIX.4.4", "RINGBOOK", "T1");
    private static final String REPORT = "8=FIX.4.4\u00019=5\u000135=8\u000110=000\u0001";

    @TempDir
    Path dir;

    @Test
    void anOldStoresSequenceNumbersAndMessagesCarryOverAndItsOldFilesGo() throws Exception {
        SessionSettings settings = new SessionSettings();
        settings.setString("FileStorePath", dir.toString());
        MessageStore old = new FileStoreFactory(settings).create(SESSION);
        old.set(41, REPORT);
        old.setNextSenderMsgSeqNum(42);
        old.setNextTargetMsgSeqNum(17);
        ((Closeable) old).close();

        FixStoreFiles.upgrade(dir, List.of(SESSION, new SessionID("FIX.4.4", "RINGBOOK", "NEVER-USED")));

        CachedFileStore store = (CachedFileStore) new CachedFileStoreFactory(settings).create(SESSION);
        try {
            assertEquals(42, store.getNextSenderMsgSeqNum(), "the sender's sequence number survives the upgrade");
            assertEquals(17, store.getNextTargetMsgSeqNum(), "and the target's");
            List<String> resend = new ArrayList<>();
            store.get(41, 41, resend);
            assertEquals(List.of(REPORT), resend, "a sent message can still be resent");
        } finally {
            store.closeFiles();
        }
        assertFalse(Files.exists(dir.resolve("FIX.4.4-RINGBOOK-T1.senderseqnums")));
        assertFalse(Files.exists(dir.resolve("FIX.4.4-RINGBOOK-T1.targetseqnums")));
        assertFalse(Files.exists(dir.resolve("FIX.4.4-RINGBOOK-NEVER-USED.seqnums")), "no store is made for a session that had none");
    }
}
