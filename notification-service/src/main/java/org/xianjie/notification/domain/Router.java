package org.xianjie.notification.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns an event into the notifications to create (pure). Each agency (and role) is told once, at
 * the highest urgency any route gives it; an audience whose agency is unknown (e.g. the court
 * before prosecution) is skipped. {@link Audience#ALL_PARTIES} leaves out the party that acted.
 * Recipients come sorted by agency so that writers lock per-agency sequences in one order.
 */
public final class Router {

    private final RoutingTable table;

    public Router(RoutingTable table) {
        this.table = table;
    }

    public List<Recipient> route(RoutedEvent event) {
        RoutingRule rule = table.ruleFor(event.eventType(), event.step());
        Map<String, Urgency> chosen = new LinkedHashMap<>();
        for (Route route : rule.routes()) {
            for (String agency : agenciesOf(route.audience(), event)) {
                chosen.merge(agency + "|" + Objects.toString(route.role(), ""), route.urgency(), Urgency::max);
            }
        }
        String zh = fill(rule.titleZh(), event);
        String en = fill(rule.titleEn(), event);
        List<Recipient> recipients = new ArrayList<>();
        chosen.forEach((key, urgency) -> {
            String[] parts = key.split("\\|", -1);
            recipients.add(new Recipient(parts[0], parts[1].isEmpty() ? null : parts[1], urgency, zh, en));
        });
        recipients.sort(Comparator.comparing(Recipient::agency).thenComparing(r -> Objects.toString(r.role(), "")));
        return recipients;
    }

    private static List<String> agenciesOf(Audience audience, RoutedEvent event) {
        Parties p = event.parties() == null ? new Parties(null, null, null, null) : event.parties();
        String one = switch (audience) {
            case AGENCY -> p.agency();
            case POLICE -> p.police();
            case PROCURATORATE -> p.procuratorate();
            case COURT -> p.court();
            case RESPONSIBLE -> event.responsibleAgency();
            case SENDER -> event.sender();
            case ALL_PARTIES, ADDRESSEES, NEW_ADDRESSEES -> null;
        };
        if (audience == Audience.ALL_PARTIES) {
            return p.all().filter(code -> !code.equals(event.actorAgency())).toList();
        }
        if (audience == Audience.ADDRESSEES) {
            return event.addressees().stream()
                    .filter(code -> !code.equals(event.actorAgency()))
                    .toList();
        }
        if (audience == Audience.NEW_ADDRESSEES) {
            return event.newAddressees();
        }
        return one == null ? List.of() : List.of(one);
    }

    static String fill(String template, RoutedEvent event) {
        return template.replace("{case}", Objects.toString(event.caseLabel(), ""))
                .replace("{deadline}", Objects.toString(event.deadlineLabel(), ""))
                .strip();
    }
}
