package com.autoretail.orchestrator;

import com.autoretail.common.testsupport.PackageStructure;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The orchestrator's packages and who may use whom: the web layer on top, the workflow use case under it, then
 * planning, validation and execution, and the plan model and the registry at the bottom. The rule and LLM planners
 * are planning's own business.
 */
class ArchitectureTest {

    private static final String ROOT = "com.autoretail.orchestrator";

    private static final JavaClasses MAIN = PackageStructure.mainClasses(ROOT);

    @Test
    void packagesAreFreeOfCyclesAndEachSaysWhatItOwns() {
        PackageStructure.verify(ROOT);
    }

    @Test
    void eachLayerIsUsedOnlyByTheOnesAboveIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("application").definedBy(ROOT)
                .layer("api").definedBy(ROOT + ".api..")
                .layer("workflow").definedBy(ROOT + ".workflow..")
                .layer("events").definedBy(ROOT + ".events..")
                .layer("planning").definedBy(ROOT + ".planning..")
                .layer("execution").definedBy(ROOT + ".execution..")
                .layer("validation").definedBy(ROOT + ".validation..")
                .layer("registry").definedBy(ROOT + ".registry..")
                .layer("plan").definedBy(ROOT + ".plan..")
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("workflow").mayOnlyBeAccessedByLayers("api")
                .whereLayer("events").mayOnlyBeAccessedByLayers("api", "workflow")
                .whereLayer("planning").mayOnlyBeAccessedByLayers("api", "workflow")
                .whereLayer("execution").mayOnlyBeAccessedByLayers("workflow")
                .whereLayer("validation").mayOnlyBeAccessedByLayers("workflow", "planning", "execution")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("api", "workflow", "planning", "execution",
                        "validation")
                .check(MAIN);
    }

    @Test
    void theRuleAndLlmPlannersAreUsedOnlyByPlanning() {
        classes().that().resideInAnyPackage(ROOT + ".planning.rules..", ROOT + ".planning.llm..")
                .should().onlyBeAccessed().byAnyPackage(ROOT + ".planning..")
                .check(MAIN);
    }

    @Test
    void thePlanModelDependsOnNothingElseOfTheOrchestrator() {
        noClasses().that().resideInAPackage(ROOT + ".plan..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".api..", ROOT + ".workflow..",
                        ROOT + ".planning..", ROOT + ".execution..", ROOT + ".validation..", ROOT + ".registry..")
                .check(MAIN);
    }

    @Test
    void onlyTheWebLayerServesHttp() {
        classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().resideInAPackage(ROOT + ".api..")
                .check(MAIN);
    }
}
