package io.recio;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    // RecioCli is the command line's composition root: its subcommand list names each module's tool command
    // (which in turn uses ToolOptions from the root package), so it is left out of the cycle analysis.
    private final ApplicationModules modules = ApplicationModules.of(RecioApplication.class,
            JavaClass.Predicates.belongToAnyOf(RecioCli.class));

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentationUnderDocsModules() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation();
    }
}
