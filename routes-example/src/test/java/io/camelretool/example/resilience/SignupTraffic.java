package io.camelretool.example.resilience;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A reproducible stream of signups (from a seed) spread over the three intakes: CSV files, signed webhook requests
 * and mails, some people arriving through two of them, some addresses that must be refused, and broken CSV rows. It
 * remembers what each should become, so a test can check the end state however the application was interrupted.
 */
final class SignupTraffic {

    /** One thing sent to the application. */
    sealed interface Delivery permits CsvFile, WebhookRequest, Mail {
    }

    /** A file for the inbox; {@code brokenLines} are the line numbers of rows that cannot be read. */
    record CsvFile(String name, String content, Set<Integer> brokenLines) implements Delivery {
    }

    /** A JSON array for {@code POST /signups}. */
    record WebhookRequest(String body) implements Delivery {
    }

    /** A plain-text mail with labelled fields, or a mail with the signups as an attached CSV. */
    record Mail(String from, String subject, String text, String attachedCsv) implements Delivery {
    }

    private static final String ORG_DOMAIN = "acme.test";

    private final List<Delivery> deliveries = new ArrayList<>();
    private final Set<String> invitable = new LinkedHashSet<>();
    private final Set<String> refused = new LinkedHashSet<>();

    private SignupTraffic() {
    }

    /**
     * @param people how many distinct people sign up; about a tenth arrive twice, a twentieth are refused
     */
    static SignupTraffic generate(long seed, int people, int rowsPerFile) {
        Random random = new Random(seed);
        SignupTraffic traffic = new SignupTraffic();
        List<String> csvRows = new ArrayList<>();
        List<String> hookItems = new ArrayList<>();
        List<String> mailPeople = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String email = traffic.person(random, seed, i);
            int intake = random.nextInt(10);
            addTo(intake < 6 ? csvRows : intake < 8 ? hookItems : mailPeople, email, i);
            if (random.nextInt(10) == 0) {
                // the same person again, written another way, through another intake
                String again = "  " + email.toUpperCase(java.util.Locale.ROOT) + " ";
                addTo(intake < 6 ? hookItems : csvRows, again, i);
            }
        }
        Collections.shuffle(csvRows, random);
        traffic.addCsvFiles(csvRows, rowsPerFile, random);
        traffic.addWebhookRequests(hookItems);
        traffic.addMails(mailPeople);
        Collections.shuffle(traffic.deliveries, random);
        return traffic;
    }

    private String person(Random random, long seed, int i) {
        String local = "p" + i + "." + Long.toHexString(seed & 0xffff);
        int kind = random.nextInt(40);
        if (kind == 0) {
            String disposable = local + "@mailinator.com";
            refused.add(disposable);
            return disposable;
        }
        if (kind == 1) {
            String malformed = local + "-at-example.com";
            refused.add(malformed);
            return malformed;
        }
        String email = local + "@" + (kind < 8 ? ORG_DOMAIN : "example.com");
        invitable.add(email);
        return email;
    }

    private static void addTo(List<String> intake, String email, int i) {
        intake.add(email + "\u0000Person" + i);
    }

    private void addCsvFiles(List<String> rows, int rowsPerFile, Random random) {
        for (int file = 0; file * rowsPerFile < rows.size(); file++) {
            List<String> part = rows.subList(file * rowsPerFile, Math.min(rows.size(), (file + 1) * rowsPerFile));
            StringBuilder content = new StringBuilder("email,first_name,last_name,attr.plan\n");
            Set<Integer> broken = new LinkedHashSet<>();
            int line = 1;
            for (String row : part) {
                if (random.nextInt(50) == 0) {
                    broken.add(++line);
                    content.append("this row has,too,many,cells,for the header\n");
                }
                String[] person = row.split("\u0000");
                content.append(person[0]).append(',').append(person[1]).append(",Test,gold\n");
                line++;
            }
            deliveries.add(new CsvFile("signups-" + file + ".csv", content.toString(), broken));
        }
    }

    private void addWebhookRequests(List<String> items) {
        for (int start = 0; start < items.size(); start += 5) {
            StringBuilder body = new StringBuilder("[");
            for (String item : items.subList(start, Math.min(items.size(), start + 5))) {
                String[] person = item.split("\u0000");
                body.append(body.length() > 1 ? "," : "").append("{\"email\":\"").append(person[0])
                        .append("\",\"firstName\":\"").append(person[1]).append("\"}");
            }
            deliveries.add(new WebhookRequest(body.append(']').toString()));
        }
    }

    private void addMails(List<String> people) {
        for (int start = 0; start < people.size(); start += 4) {
            List<String> group = people.subList(start, Math.min(people.size(), start + 4));
            if (start % 8 == 0) {
                StringBuilder text = new StringBuilder("New signups from the website form:\n\n");
                group.forEach(item -> {
                    String[] person = item.split("\u0000");
                    text.append("Name: ").append(person[1]).append(" Test\nEmail: ").append(person[0]).append("\n\n");
                });
                deliveries.add(new Mail("forms@" + ORG_DOMAIN, "Signups " + start, text.toString(), null));
            } else {
                StringBuilder csv = new StringBuilder("Email,First Name\n");
                group.forEach(item -> {
                    String[] person = item.split("\u0000");
                    csv.append(person[0]).append(',').append(person[1]).append('\n');
                });
                deliveries.add(new Mail("forms@" + ORG_DOMAIN, "Export " + start, "See the attached export.",
                        csv.toString()));
            }
        }
    }

    List<Delivery> deliveries() {
        return deliveries;
    }

    /** Emails that must each end with exactly one invite. */
    Set<String> invitable() {
        return invitable;
    }

    /** Addresses that must never be invited (disposable or malformed). */
    Set<String> refused() {
        return refused;
    }

    /** Broken rows per CSV file name, which its report must list as INVALID. */
    Map<String, Set<Integer>> brokenRows() {
        Map<String, Set<Integer>> broken = new LinkedHashMap<>();
        deliveries.stream().filter(CsvFile.class::isInstance).map(CsvFile.class::cast)
                .forEach(file -> broken.put(file.name(), file.brokenLines()));
        return broken;
    }

    static String orgDomain() {
        return ORG_DOMAIN;
    }
}
