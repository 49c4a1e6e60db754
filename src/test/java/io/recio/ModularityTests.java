package io.recio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /** A declaration or relation line of a generated diagram: their order carries no meaning. */
    private static final Pattern UNORDERED = Pattern.compile("^\\s*(Component|Rel\\w*)\\(.*");

    private final ApplicationModules modules = ApplicationModules.of(RecioApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentationUnderDocsModules() throws IOException {
        Path out = Path.of("docs/modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString())).writeDocumentation();
        // Modulith writes declarations in hash order; sorted, an unchanged design leaves the files unchanged.
        try (Stream<Path> files = Files.list(out)) {
            for (Path puml : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
                Files.write(puml, sortedRuns(Files.readAllLines(puml)));
            }
        }
    }

    /** The lines, with each run of consecutive declaration or relation lines sorted. */
    static List<String> sortedRuns(List<String> lines) {
        List<String> result = new ArrayList<>(lines.size());
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            if (UNORDERED.matcher(line).matches()) {
                run.add(line);
                continue;
            }
            run.sort(null);
            result.addAll(run);
            run.clear();
            result.add(line);
        }
        run.sort(null);
        result.addAll(run);
        return result;
    }
}
