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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The master admin manages users over the API; a change of access ends that user's sessions at once. */
@SpringBootTest(properties = "recio.services.autostart=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class UserAdministrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;

    private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder b, String body) {
        return b.with(user("admin").roles("MASTER_ADMIN")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
        mvc.perform(get("/api/me").session(session)).andExpect(status().isOk());
        return session;
    }

    @Test
    void aMasterAdminAddsAUserWithAGeneratedPasswordShownOnceThatSignsIn() throws Exception {
        String body = mvc.perform(admin(post("/api/admin/users"), "{\"username\": \"newcomer\", \"role\": \"user\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.username").value("newcomer"))
                .andExpect(jsonPath("$.user.role").value("USER"))
                .andExpect(jsonPath("$.user.enabled").value(true))
                .andReturn().getResponse().getContentAsString();
        String password = JSON.readTree(body).get("initial_password").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        signIn("newcomer", password);
        mvc.perform(get("/api/admin/users").with(user("admin").roles("MASTER_ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == 'newcomer')].role").value("USER"))
                .andExpect(jsonPath("$[*].initial_password").doesNotExist());
    }

    @Test
    void aPasswordSetBySomeoneElseMustBeReplacedBeforeAnythingElse() throws Exception {
        mvc.perform(admin(post("/api/admin/users"), "{\"username\": \"handed\", \"role\": \"USER\","
                + " \"password\": \"handed-over-secret\"}")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.must_change_password").value(true));
        MockHttpSession session = signIn("handed", "handed-over-secret");
        mvc.perform(get("/api/trading/status").session(session))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("password_change_required"));
        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl())
                        .isEqualTo("/settings?password-change-required"));
        mvc.perform(get("/settings").session(session)).andExpect(status().isOk());
        mvc.perform(post("/api/me/password").session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"current_password\": \"handed-over-secret\", \"new_password\": \"my-own-choice-7\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/trading/status").session(session)).andExpect(status().isOk());
    }

    @Test
    void anAdminChosenPasswordIsNotEchoedAndACommonOneIsRefused() throws Exception {
        mvc.perform(admin(post("/api/admin/users"), "{\"username\": \"chosen\", \"role\": \"USER\", \"password\": \"password123\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("password"))
                .andExpect(jsonPath("$.detail").value("password is one of the most common passwords; choose another"));
        mvc.perform(admin(post("/api/admin/users"), "{\"username\": \"chosen\", \"role\": \"USER\", \"password\": \"pale-kettle-orbit\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.initial_password").doesNotExist());
        assertThat(accounts.passwordMatches("chosen", "pale-kettle-orbit")).isTrue();
    }

    @Test
    void anUnknownRoleIsNamed() throws Exception {
        mvc.perform(admin(post("/api/admin/users"), "{\"username\": \"x1\", \"role\": \"ROOT\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("role"))
                .andExpect(jsonPath("$.detail").value("role must be MASTER_ADMIN or USER"));
    }

    @Test
    void theLastEnabledMasterAdminCanBeNeitherDisabledNorDemoted() throws Exception {
        // The test context starts with one master admin, 'admin'; make sure no other enabled admin exists.
        for (UserAccount u : accounts.all()) {
            if (u.role() == Role.MASTER_ADMIN && !u.username().equals("admin") && u.enabled()) {
                accounts.setEnabled(u.username(), false);
            }
        }
        mvc.perform(admin(put("/api/admin/users/admin"), "{\"enabled\": false}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("last_master_admin"));
        mvc.perform(admin(put("/api/admin/users/admin"), "{\"role\": \"USER\"}"))
                .andExpect(status().isConflict());
        assertThat(accounts.find("admin").orElseThrow()).extracting(UserAccount::role, UserAccount::enabled)
                .containsExactly(Role.MASTER_ADMIN, true);

        accounts.create("deputy", "deputy-password-1", Role.MASTER_ADMIN);
        mvc.perform(admin(put("/api/admin/users/deputy"), "{\"role\": \"USER\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("USER"));
    }

    @Test
    void disablingAUserEndsTheirSessionAtOnceAndStopsTheirSignIn() throws Exception {
        accounts.create("leaver", "leaver-password-1", Role.USER);
        MockHttpSession session = signIn("leaver", "leaver-password-1");
        mvc.perform(admin(put("/api/admin/users/leaver"), "{\"enabled\": false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/me").session(session))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("session_ended"));
        mvc.perform(formLogin("/login").user("leaver").password("leaver-password-1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).startsWith("/login?error"));
    }

    @Test
    void changingARoleEndsTheSessionSoTheNewRoleAppliesAtTheNextSignIn() throws Exception {
        accounts.create("promoted", "promoted-password-1", Role.USER);
        MockHttpSession session = signIn("promoted", "promoted-password-1");
        mvc.perform(admin(put("/api/admin/users/promoted"), "{\"role\": \"MASTER_ADMIN\"}")).andExpect(status().isOk());
        mvc.perform(get("/settings").session(session)).andExpect(status().is3xxRedirection());
        MockHttpSession again = signIn("promoted", "promoted-password-1");
        mvc.perform(get("/users").session(again)).andExpect(status().isOk());
    }

    @Test
    void aPasswordResetEndsEverySessionAndTheGeneratedPasswordWorks() throws Exception {
        accounts.create("forgetful", "forgetful-password-1", Role.USER);
        MockHttpSession session = signIn("forgetful", "forgetful-password-1");
        JsonNode reset = JSON.readTree(mvc.perform(admin(post("/api/admin/users/forgetful/password"), "{}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        mvc.perform(get("/api/me").session(session)).andExpect(status().isUnauthorized());
        signIn("forgetful", reset.get("new_password").asString());
    }

    @Test
    void changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() throws Exception {
        accounts.create("careful", "careful-password-1", Role.USER);
        MockHttpSession here = signIn("careful", "careful-password-1");
        MockHttpSession elsewhere = signIn("careful", "careful-password-1");
        mvc.perform(post("/api/me/password").session(here).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"current_password\": \"careful-password-1\", \"new_password\": \"careful-password-2\"}"))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").session(here)).andExpect(status().isOk());
        mvc.perform(get("/api/me").session(elsewhere)).andExpect(status().isUnauthorized());
    }

    @Test
    void aPlainUserManagesNoUsers() throws Exception {
        mvc.perform(get("/api/admin/users").with(user("trader").roles("USER"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/users").with(user("trader").roles("USER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"sneaky\", \"role\": \"MASTER_ADMIN\"}"))
                .andExpect(status().isForbidden());
        assertThat(accounts.find("sneaky")).isEmpty();
        mvc.perform(get("/users").with(user("trader").roles("USER"))).andExpect(status().isForbidden());
    }
}
