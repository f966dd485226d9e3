package org.gridgov.cases.web;

import java.time.Clock;
import java.time.LocalDateTime;
import org.gridgov.cases.casefile.CategoryLabels;
import org.gridgov.cases.casefile.CategorySuggester;
import org.gridgov.cases.cockpit.CockpitQueries;
import org.gridgov.cases.cockpit.CockpitView;
import org.gridgov.cases.cockpit.ResponseRates;
import org.gridgov.cases.security.CurrentStaff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * 驾驶舱: the page is a frame; {@code static/js/cockpit.js} fetches {@code /cockpit/data} (session-authenticated
 * JSON) and draws it with ECharts, and adds alerts from the inbox stream as they come.
 */
@Controller
public class CockpitPage {

    /** Days of operators' corrections the head's accuracy line covers, and at most how many it classifies again. */
    static final int RECENT_DAYS = 30;

    static final int RECENT_LIMIT = 500;

    private final CockpitQueries queries;
    private final CategorySuggester suggester;
    private final CategoryLabels labels;
    private final ResponseRates responseRates;
    private final Clock clock;

    public CockpitPage(
            CockpitQueries queries,
            CategorySuggester suggester,
            CategoryLabels labels,
            ResponseRates responseRates,
            Clock clock) {
        this.responseRates = responseRates;
        this.queries = queries;
        this.suggester = suggester;
        this.labels = labels;
        this.clock = clock;
    }

    /**
     * The frame; its head names the classifier model answering (智能分拨 rests on it) and how it does on the
     * operators' recent 改分类 (issue 12: leaders see whether dispatch can be trusted, without the admin API).
     */
    @GetMapping("/cockpit")
    public String page(Model model) {
        model.addAttribute("modelVersion", suggester.modelVersion());
        CategorySuggester.Agreement a =
                suggester.agreement(labels.latest(LocalDateTime.now(clock).minusDays(RECENT_DAYS), RECENT_LIMIT));
        model.addAttribute(
                "modelAccuracy",
                a.labels() == 0
                        ? "近" + RECENT_DAYS + "天无改分类"
                        : String.format(
                                "近%d天改分类 %d 条，模型与改后分类一致 %.0f%%", RECENT_DAYS, a.labels(), a.categoryAccuracy() * 100));
        // 接诉即办 live panel (issue 19): from the case database, whether or not the warehouse answers
        model.addAttribute("responseRates", responseRates.panel(CurrentStaff.get()));
        return "cockpit";
    }

    @GetMapping("/cockpit/data")
    @ResponseBody
    public CockpitView data() {
        return queries.view(CurrentStaff.get());
    }
}
