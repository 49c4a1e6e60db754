package io.recio.ops.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The admin console and the master restart over the API: recio's own commands only, each call audited; a plain
 * user is refused every admin call with a 403 problem.
 */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminConsoleTest {

    @Autowired
    MockMvc mvc;

    private static RequestPostProcessor admin() {
        return user("boss").roles("MASTER_ADMIN");
    }

    private org.springframework.test.web.servlet.ResultActions line(String line) throws Exception {
        return mvc.perform(post("/api/admin/console").with(admin()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"line\": \"" + line + "\"}"));
    }

    @Test
    void helpListsEveryCommandOfRecioAndNoShell() throws Exception {
        line("help").andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.output", startsWith("recio's admin commands (not a system shell)")))
                .andExpect(jsonPath("$.output", containsString("status")))
                .andExpect(jsonPath("$.output", containsString("services")))
                .andExpect(jsonPath("$.output", containsString("restart NAME")))
                .andExpect(jsonPath("$.output", containsString("logs NAME [LINES]")))
                .andExpect(jsonPath("$.output", containsString("kill-switch [on [REASON]|off]")))
                .andExpect(jsonPath("$.output", containsString("reconcile")))
                .andExpect(jsonPath("$.output", containsString("balance")))
                .andExpect(jsonPath("$.output", containsString("alert test [CHANNEL]")));
    }

    @Test
    void anythingElseIsAnUnknownCommandAndNeverRunsOnTheHost() throws Exception {
        line("rm -rf /").andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.output").value("unknown command 'rm'; type help for the commands"));
    }

    @Test
    void theKillSwitchIsEngagedAndReleasedFromTheConsoleAndBothAreAudited() throws Exception {
        line("kill-switch on testing the console").andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.output", containsString("kill switch ENGAGED: manual by boss: testing the console")))
                .andExpect(jsonPath("$.output", containsString("kill switch engaged: manual by boss: testing the console")));
        line("kill-switch off").andExpect(jsonPath("$.output", startsWith("kill switch released")));

        mvc.perform(get("/api/admin/audit?action=ops.console&limit=2").with(admin()))
                .andExpect(jsonPath("$[0].actor").value("boss"))
                .andExpect(jsonPath("$[0].target").value("kill-switch off"))
                .andExpect(jsonPath("$[1].target").value("kill-switch on testing the console"));
    }

    @Test
    void aWrongArgumentIsExplainedWithTheUsage() throws Exception {
        line("restart no_such_service").andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.output").value("no managed service named 'no_such_service'; services lists them"
                        + "\nusage: restart NAME"));
    }

    @Test
    void servicesAndStatusDescribeTheSystem() throws Exception {
        line("services").andExpect(jsonPath("$.output", containsString("kalshi_api_watchdog")));
        line("status").andExpect(jsonPath("$.output", containsString("database reachable")));
    }

    @Test
    void anEmptyLineIsBadInputNamingTheField() throws Exception {
        line(" ").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("line"));
    }

    @Test
    void theMasterRestartCountsDownAndIsCancelled() throws Exception {
        mvc.perform(post("/api/admin/master_restart").with(admin()).with(csrf()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.phase").value("COUNTDOWN"))
                .andExpect(jsonPath("$.requested_by").value("boss"));
        mvc.perform(post("/api/admin/master_restart").with(user("other").roles("MASTER_ADMIN")).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/admin/master_restart").with(user("other").roles("MASTER_ADMIN")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phase").value("CANCELLED"))
                .andExpect(jsonPath("$.cancelled_by").value("other"));
        mvc.perform(delete("/api/admin/master_restart").with(admin()).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void aUserIsRefusedEveryAdminCallWithAProblem() throws Exception {
        SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor plain = user("u").roles("USER");
        for (var call : java.util.List.of(post("/api/admin/console").content("{\"line\": \"help\"}"),
                post("/api/admin/master_restart"), delete("/api/admin/master_restart"), get("/api/admin/audit"),
                post("/api/services/system_monitor/restart"), get("/api/logs/recio"))) {
            mvc.perform(call.with(plain).with(csrf()).contentType(MediaType.APPLICATION_JSON))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("forbidden"));
        }
    }
}
