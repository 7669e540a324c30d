package org.healthcrm.bench;

import org.aopalliance.intercept.MethodInterceptor;
import org.healthcrm.audit.AuditTrail;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * For the benchmark only: lets it turn the application's one audit writer off for a scenario, so that one run
 * measures the intake with and without its audit. While off, every call of {@link AuditTrail} returns at once: no
 * event, nothing for the sealer, and no transaction of its own (registered as a bean definition without an order,
 * this post-processor wraps the bean after the transaction proxy has). The application has no such switch.
 */
final class AuditSwitch implements BeanPostProcessor {

    private volatile boolean on = true;

    void on() {
        on = true;
    }

    void off() {
        on = false;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof AuditTrail)) {
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true);
        factory.addAdvice((MethodInterceptor) invocation -> on ? invocation.proceed() : null);
        return factory.getProxy(bean.getClass().getClassLoader());
    }
}
