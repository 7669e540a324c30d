package org.healthcrm.platform;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The engine still runs commands (through the JPA transaction manager) while it shuts down; it must therefore be
 * closed before the entity manager factory and the connection pool, which Spring cannot tell from its wiring.
 */
@Component
class EngineShutdownOrder implements BeanFactoryPostProcessor {

    private static final String ENGINE = "processEngineFactoryBean";
    private static final String[] CLOSED_AFTER_ENGINE = {"entityManagerFactory", "dataSource"};

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(ENGINE)) {
            return;
        }
        BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE);
        Set<String> dependsOn = new LinkedHashSet<>();
        if (engine.getDependsOn() != null) {
            dependsOn.addAll(Arrays.asList(engine.getDependsOn()));
        }
        for (String name : CLOSED_AFTER_ENGINE) {
            if (beanFactory.containsBeanDefinition(name)) {
                dependsOn.add(name);
            }
        }
        engine.setDependsOn(dependsOn.toArray(String[]::new));
    }
}
