package io.recio.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The audit log records who did what, when and from where, and only a master admin reads it. */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AuditTrailTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog audit;
    @Autowired
    UserAccounts accounts;

    private List<AuditEntry> find(String actor, String action) {
        return audit.search(new AuditLog.Filter(actor, action, null, null, null, 50));
    }

    @Test
    void engagingTheKillSwitchIsAuditedWithWhoAndFromWhere() throws Exception {
        mvc.perform(post("/api/kill_switch").with(user("admin").roles("MASTER_ADMIN")).with(csrf())
                        .with(r -> { r.setRemoteAddr("198.51.100.4"); return r; })
                        .contentType(MediaType.APPLICATION_JSON).content("{\"engaged\": true, \"reason\": \"audit test\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/kill_switch").with(user("admin").roles("MASTER_ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"engaged\": false}")).andExpect(status().isOk());
        assertThat(find("admin", "POST /api/kill_switch")).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.OK);
            assertThat(e.source()).isEqualTo("198.51.100.4");
            assertThat(e.detail()).contains("answered 200");
        });
    }

    @Test
    void aRefusedAdminCallByAUserIsAuditedAsRefused() throws Exception {
        mvc.perform(post("/api/kill_switch").with(user("mallory").roles("USER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"engaged\": true}"))
                .andExpect(status().isForbidden());
        assertThat(find("mallory", "access.denied")).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("POST /api/kill_switch"))
                .satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.REFUSED));
    }

    @Test
    void userChangesAreAuditedWithWhatTheyDidAndNeverAPassword() throws Exception {
        mvc.perform(post("/api/admin/users").with(user("admin").roles("MASTER_ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"audited\", \"role\": \"USER\", \"password\": \"quiet-lantern-42\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put("/api/admin/users/audited").with(user("admin").roles("MASTER_ADMIN")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}")).andExpect(status().isOk());
        assertThat(find("admin", "POST /api/admin/users")).anySatisfy(e ->
                assertThat(e.detail()).startsWith("created 'audited' as user"));
        assertThat(find("admin", "PUT /api/admin/users/{username}")).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("/api/admin/users/audited");
            assertThat(e.detail()).startsWith("disabled 'audited'");
        });
        assertThat(audit.search(new AuditLog.Filter(null, null, null, null, null, 1000)))
                .noneMatch(e -> String.valueOf(e.detail()).contains("quiet-lantern-42"));
    }

    @Test
    void signInsAndFailuresAreAudited() throws Exception {
        accounts.create("signer", "signer-password-1", Role.USER);
        mvc.perform(formLogin("/login").user("signer").password("not-the-password"));
        mvc.perform(formLogin("/login").user("signer").password("signer-password-1"));
        assertThat(find("signer", "login")).extracting(AuditEntry::outcome)
                .containsExactly(AuditEntry.Outcome.OK, AuditEntry.Outcome.REFUSED);
    }

    @Test
    void theMasterAdminFiltersTheLogAndAUserCannotReadIt() throws Exception {
        audit.record("filter-me", "settings.test", "x", AuditEntry.Outcome.FAILED, "for the filter", "127.0.0.1");
        mvc.perform(get("/api/admin/audit").param("actor", "filter-me").param("outcome", "failed")
                        .with(user("admin").roles("MASTER_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].action").value("settings.test"))
                .andExpect(jsonPath("$[0].source").value("127.0.0.1"));
        mvc.perform(get("/api/admin/audit").param("from", "yesterday").with(user("admin").roles("MASTER_ADMIN")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("from"));
        mvc.perform(get("/api/admin/audit").with(user("trader").roles("USER"))).andExpect(status().isForbidden());
    }
}
