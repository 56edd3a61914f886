package io.camelretool.example.resilience;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelretool.component.model.EmailAddresses;
import io.camelretool.example.RunningApplication;
import io.camelretool.sandbox.RetoolSandbox;

/**
 * The promise of "nothing lost, nothing twice", checked on the end state of a run: every invitable person has
 * exactly one invite, nobody refused has any, every broken row and refused address is reported, every intake's
 * acknowledged item is in the ledger, nothing is left half-done. Each broken promise is listed, so one failed run
 * says everything that went wrong.
 */
final class SettledState {

    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    /** Retool's side: one invite per invitable person, none for the refused, none for anyone else. */
    SettledState checkInvites(SignupTraffic traffic, RetoolSandbox retool) {
        for (String email : traffic.invitable()) {
            int invites = retool.invitesFor(email).size();
            if (invites != 1) {
                problems.add(email + " has " + invites + " invites, not 1");
            }
        }
        traffic.refused().stream().filter(email -> !retool.invitesFor(email).isEmpty())
                .forEach(email -> problems.add(email + " must not be invited but has an invite"));
        if (retool.invites().size() != traffic.invitable().size()) {
            problems.add("Retool holds " + retool.invites().size() + " invites for " + traffic.invitable().size()
                         + " invitable people");
        }
        return this;
    }

    /** The reports: every broken row of every file and every refused address has a line saying so. */
    SettledState checkReports(SignupTraffic traffic, List<Path> signupsDirs) throws IOException {
        List<JsonNode> reports = new ArrayList<>();
        for (Path signups : signupsDirs) {
            Path folder = signups.resolve("reports");
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(file -> file.toString().endsWith(".json"))
                            .forEach(file -> reports.add(RunningApplication.readJson(file)));
                }
            }
        }
        Set<String> invalidLines = new HashSet<>();
        Set<String> rejected = new HashSet<>();
        for (JsonNode report : reports) {
            for (JsonNode line : report.path("lines")) {
                String status = line.path("status").asText();
                if (status.equals("INVALID")) {
                    invalidLines.add(report.path("name").asText() + ":" + line.path("line").asInt());
                } else if (status.equals("REJECTED")) {
                    rejected.add(EmailAddresses.key(line.path("email").asText()));
                }
            }
        }
        traffic.brokenRows().forEach((file, lines) -> lines.stream().filter(line -> !invalidLines.contains(file + ":"
                + line)).forEach(line -> problems.add(file + ":" + line + " is broken but no report says INVALID")));
        traffic.refused().stream().filter(email -> !rejected.contains(EmailAddresses.key(email)))
                .forEach(email -> problems.add(email + " must be reported REJECTED but no report says so"));
        return this;
    }

    /** The intakes: nothing left in an inbox, every mail processed, every acknowledged item in the ledger. */
    SettledState checkIntakes(List<Path> signupsDirs, MailboxProbe.Inbox mailbox, TrafficFeeder feeder,
                              LedgerInspection ledger) throws Exception {
        for (Path signups : signupsDirs) {
            try (Stream<Path> left = Files.list(signups.resolve("inbox"))) {
                left.filter(Files::isRegularFile).forEach(file -> problems.add(file + " is still in the inbox"));
            }
            Path errors = signups.resolve("inbox/.error");
            if (Files.isDirectory(errors)) {
                try (Stream<Path> failed = Files.list(errors)) {
                    failed.forEach(file -> problems.add(file + " was moved to .error"));
                }
            }
        }
        if (!mailbox.allSeen()) {
            problems.add((mailbox.total() - mailbox.seenMessageIds().size()) + " of " + mailbox.total()
                         + " mails were never processed");
        }
        Set<String> mailBatches = ledger.closedBatchNames("MAIL");
        mailbox.seenMessageIds().stream().filter(id -> !mailBatches.contains(id))
                .forEach(id -> problems.add("mail " + id + " is marked processed but no batch holds it"));
        Set<String> items = ledger.itemSourceRefs();
        feeder.acceptedWebhookIds().stream().filter(id -> !items.contains(id))
                .forEach(id -> problems.add("webhook item " + id + " was answered 202 but is not in the ledger"));
        return this;
    }

    /** The ledger: no row waiting or in flight, no batch unclosed or unreported. */
    SettledState checkLedgerSettled(LedgerInspection ledger) throws Exception {
        Map<String, Integer> byStatus = ledger.rowsByStatus();
        for (String unsettled : List.of("RECEIVED", "SENDING", "WAITING")) {
            if (byStatus.getOrDefault(unsettled, 0) > 0) {
                problems.add(byStatus.get(unsettled) + " ledger rows are still " + unsettled);
            }
        }
        ledger.unfinishedBatches().forEach(batch -> problems.add("batch " + batch + " is not closed or reported"));
        return this;
    }

    /** No human needed: nobody FAILED, no dead-letter file. */
    SettledState checkNobodyParked(List<Path> signupsDirs, LedgerInspection ledger) throws Exception {
        int failed = ledger.rowsByStatus().getOrDefault("FAILED", 0);
        if (failed > 0) {
            problems.add(failed + " ledger rows are FAILED and wait for a human");
        }
        for (Path signups : signupsDirs) {
            Path deadLetter = signups.resolve("dead-letter");
            if (Files.isDirectory(deadLetter)) {
                try (Stream<Path> files = Files.list(deadLetter)) {
                    files.forEach(file -> problems.add(file + " is a dead-letter file"));
                }
            }
        }
        return this;
    }

    /** Secrets: none of them in what the application printed, wrote or stored. */
    SettledState checkNoSecrets(Map<String, String> secrets, List<Path> files, LedgerInspection ledger)
            throws Exception {
        StringBuilder everything = new StringBuilder(ledger.allText());
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            if (Files.isDirectory(file)) {
                try (Stream<Path> tree = Files.walk(file)) {
                    for (Path each : tree.filter(path -> path.toString().matches(".*\\.(json|csv|txt|log)$")).toList()) {
                        everything.append(Files.readString(each, StandardCharsets.UTF_8));
                    }
                }
            } else {
                everything.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        secrets.forEach((what, secret) -> {
            if (everything.indexOf(secret) >= 0) {
                problems.add("the " + what + " appears in the application's output, files or ledger");
            }
        });
        return this;
    }
}
