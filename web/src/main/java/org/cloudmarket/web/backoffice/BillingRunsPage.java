package org.cloudmarket.web.backoffice;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.LongFunction;
import org.cloudmarket.billing.service.BillingRunView;
import org.cloudmarket.billing.service.BillingRuns;
import org.cloudmarket.shared.error.DomainException;

/**
 * The tenant ADMIN's billing runs (/backoffice/billing-runs.xhtml; issue 13): newest first with their progress, errors
 * and duration, polled while one is unfinished; a form starts a run for an instant up to now, a running run is stopped,
 * a failed or stopped one restarted. Everything through {@link BillingRuns}, as the API; the page only parses the
 * instant typed and says what the facade refused. Request-scoped: each poll reads the runs afresh.
 */
@Named
@RequestScoped
public class BillingRunsPage {

    private static final String PAGE = "/backoffice/billing-runs.xhtml";

    @Inject
    private BillingRuns billingRuns;

    @Inject
    private Clock clock;

    private List<BillingRunView> runs;
    /** The instant typed, ISO (2026-12-01T00:00:00Z); the page offers the current minute. */
    private String at;

    public List<BillingRunView> getRuns() {
        if (runs == null) {
            runs = billingRuns.list();
        }
        return runs;
    }

    /** Whether the page keeps polling: a run is still starting or running. */
    public boolean isUnfinished() {
        return getRuns().stream().anyMatch(run -> run.status().isUnfinished());
    }

    public int percent(BillingRunView run) {
        if (run.itemsTotal() <= 0) {
            return run.status().isUnfinished() ? 0 : 100;
        }
        return (int) Math.min(100, Math.round(100.0 * run.itemsDone() / run.itemsTotal()));
    }

    /** 2h 03m 05s, 3m 05s, 5s. */
    public String duration(BillingRunView run) {
        long seconds = run.durationSeconds() == null ? 0 : Math.max(0, run.durationSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            return String.format("%dh %02dm %02ds", hours, minutes, rest);
        }
        return minutes > 0 ? String.format("%dm %02ds", minutes, rest) : rest + "s";
    }

    public String getAt() {
        if (at == null) {
            at = clock.instant().truncatedTo(ChronoUnit.MINUTES).toString();
        }
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }

    public void start() throws IOException {
        Instant instant;
        try {
            instant = Instant.parse(at == null ? "" : at.strip());
        } catch (DateTimeParseException e) {
            PageMessages.refusedKey("billingRuns.atInvalid");
            return;
        }
        if (act(ignored -> billingRuns.start(instant), 0, "billingRuns.started")) {
            reload();
        }
    }

    public void stop(long id) throws IOException {
        if (act(billingRuns::stop, id, "billingRuns.stopping")) {
            reload();
        }
    }

    public void restart(long id) throws IOException {
        if (act(billingRuns::restart, id, "billingRuns.restarted")) {
            reload();
        }
    }

    /** Whether the facade did it; its refusal (422 at, 409) is the page's message. */
    private static boolean act(LongFunction<BillingRunView> action, long id, String doneKey) {
        try {
            BillingRunView run = action.apply(id);
            PageMessages.done(MessageFormat.format(PageMessages.text(doneKey), Long.toString(run.id())));
            return true;
        } catch (DomainException refused) {
            PageMessages.refused(refused);
            return false;
        }
    }

    private static void reload() throws IOException {
        PageMessages.keepForNextPage();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + PAGE);
    }
}
