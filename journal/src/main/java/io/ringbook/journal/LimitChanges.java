package io.ringbook.journal;

import io.ringbook.engine.command.Command;
import io.ringbook.engine.domain.ReferenceData;
import io.ringbook.engine.domain.SymbolSpec;
import io.ringbook.engine.limits.AccountLimits;

import java.util.ArrayList;
import java.util.List;

/**
 * What may change in a data directory's configuration from one start to the next: the
 * accounts' limits and the venue-wide cap on open orders (sized from the heap by
 * default, so a start with another heap changes it), and nothing else (symbols,
 * accounts, price protections and breakers shape the journal's meaning). A start whose
 * configured limits differ from those the previous start configured turns the
 * difference into SET_LIMITS commands (account -1 for the venue's cap), journaled
 * and decided like an operator's, so that replay meets them at the same point. Compared
 * with the previous start's configuration rather than with the engine's limits, so that
 * a restart with an unchanged file keeps what operators changed at run time.
 */
final class LimitChanges {

    private LimitChanges() {
    }

    /** Whether {@code later} may follow {@code earlier} in one journal. */
    static boolean compatible(ReferenceData earlier, ReferenceData later) {
        return differences(earlier, later).isEmpty();
    }

    /**
     * What keeps {@code later} from following {@code earlier} in one journal, one phrase
     * per setting; empty if it may.
     */
    static List<String> differences(ReferenceData earlier, ReferenceData later) {
        List<String> differences = new ArrayList<>();
        List<String> symbolsBefore = earlier.symbols().all().stream().map(SymbolSpec::name).toList();
        List<String> symbolsNow = later.symbols().all().stream().map(SymbolSpec::name).toList();
        if (!symbolsBefore.equals(symbolsNow)) {
            differences.add(listed("symbols", symbolsBefore, symbolsNow));
        } else {
            for (int i = 0; i < symbolsNow.size(); i++) {
                if (!earlier.symbols().get(i).equals(later.symbols().get(i))) {
                    differences.add("symbol " + symbolsNow.get(i) + " (tick, lot, fees or trading hours)");
                }
                if (!earlier.risk().symbols().get(i).equals(later.risk().symbols().get(i))) {
                    differences.add("price protections or volatility breaker of " + symbolsNow.get(i));
                }
            }
        }
        if (!earlier.accounts().all().equals(later.accounts().all())) {
            differences.add(listed("accounts", earlier.accounts().all(), later.accounts().all()));
        }
        if (!earlier.risk().rejectStorm().equals(later.risk().rejectStorm())) {
            differences.add("the reject-storm breaker (rejectStorm)");
        }
        return differences;
    }

    private static String listed(String what, List<String> journal, List<String> configured) {
        return what + " (journal: " + String.join(", ", journal) + "; configured: " + String.join(", ", configured) + ")";
    }

    /**
     * SET_LIMITS for each account whose limits differ, then for account -1 if the venue's
     * cap on open orders differs, numbered after {@code lastSequence} and stamped
     * {@code eventTimeNanos}.
     */
    static List<Command> commands(ReferenceData previous, ReferenceData configured, long lastSequence, long eventTimeNanos) {
        List<Command> commands = new ArrayList<>();
        for (int account = 0; account < configured.accounts().size(); account++) {
            AccountLimits limits = configured.risk().accounts().get(account);
            if (!limits.equals(previous.risk().accounts().get(account))) {
                commands.add(numbered(new Command().setLimits(account, limits), lastSequence + commands.size() + 1, eventTimeNanos));
            }
        }
        long venueCap = configured.risk().maxOpenOrders();
        if (venueCap != previous.risk().maxOpenOrders()) {
            AccountLimits venue = AccountLimits.venue(configured.symbols().size(), venueCap);
            commands.add(numbered(new Command().setLimits(-1, venue), lastSequence + commands.size() + 1, eventTimeNanos));
        }
        return commands;
    }

    private static Command numbered(Command command, long sequence, long eventTimeNanos) {
        command.sequence = sequence;
        command.eventTimeNanos = eventTimeNanos;
        return command;
    }
}
