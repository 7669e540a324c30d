package org.healthcrm.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys the BPMN and DMN models of the processes module (classpath {@code processes/<feature>/}) as one
 * deployment, with duplicate filtering: a restart with unchanged files creates no new versions, and only changed
 * models get a new version.
 */
public class ProcessDeployment {

    public static final String DEPLOYMENT_NAME = "healthcrm-processes";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);
    private static final String[] PATTERNS = {"classpath*:processes/*/*.bpmn", "classpath*:processes/*/*.dmn"};

    private final RepositoryService repositoryService;

    public ProcessDeployment(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** Returns the deployment made, or null when nothing changed. */
    public Deployment deployChanged() {
        List<Resource> resources = findModels();
        if (resources.isEmpty()) {
            log.warn("No BPMN or DMN models found under classpath processes/");
            return null;
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("healthcrm processes module")
                .enableDuplicateFiltering(true);
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                builder.addInputStream(resourceName(resource), in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read model " + resource, e);
            }
        }
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        int processes = count(deployment.getDeployedProcessDefinitions());
        int decisions = count(deployment.getDeployedDecisionDefinitions());
        if (processes + decisions > 0) {
            log.info("Deployed {} process and {} decision definitions (deployment {})", processes, decisions,
                    deployment.getId());
            return deployment;
        }
        log.info("Process models unchanged: nothing deployed");
        return null;
    }

    private static int count(List<?> definitions) {
        return definitions == null ? 0 : definitions.size();
    }

    private static List<Resource> findModels() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            return Arrays.stream(PATTERNS)
                    .flatMap(pattern -> {
                        try {
                            return Arrays.stream(resolver.getResources(pattern));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sorted(Comparator.comparing(ProcessDeployment::resourceName))
                    .toList();
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Cannot list the process models", e.getCause());
        }
    }

    /** "processes/intake/patient-intake.bpmn": stable names are what duplicate filtering compares. */
    static String resourceName(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf("processes/");
            return url.substring(at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
