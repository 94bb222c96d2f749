package dev.twilioconnector;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's packages depend on one another in one direction only, so each can be read, and tested, from
 * the bottom up. The root package (component, endpoints, producer) is a slice of its own: with
 * {@code matching("dev.twilioconnector.(*)..")} it would be in no slice, and a sub-package importing it back
 * would go unseen.
 */
class PackageCyclesTest {

    private static final String ROOT = "dev.twilioconnector";

    /** The component's main classes only: neither its tests nor the sandbox on the test classpath. */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .importUrl(TwilioConnectorComponent.class.getProtectionDomain().getCodeSource().getLocation());

    private static final SliceAssignment TOP_LEVEL_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(ROOT)) {
                return SliceIdentifier.of(ROOT);
            }
            if (pkg.startsWith(ROOT + ".")) {
                return SliceIdentifier.of(ROOT + "." + pkg.substring(ROOT.length() + 1).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return ROOT + " and each of its top-level sub-packages";
        }
    };

    @Test
    void noPackageDependsBackOnOneThatDependsOnIt() {
        assertThat(MAIN.contain(TwilioConnectorComponent.class)).isTrue();
        assertThat(MAIN.stream().map(JavaClass::getPackageName).filter(p -> p.startsWith(ROOT + ".")).distinct())
                .as("the sub-packages the rule compares with the root").hasSizeGreaterThan(10);
        slices().assignedFrom(TOP_LEVEL_PACKAGES).should().beFreeOfCycles().check(MAIN);
    }
}
