package org.healthcrm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.Map;

import javax.xml.datatype.DatatypeFactory;

import jakarta.mail.util.StreamProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceLookupsTest {

    /** A service of this test's own, so that its property is nobody else's. */
    interface Greeting {
    }

    static final class Hello implements Greeting {
    }

    private static final String[] PROPERTIES = {DatatypeFactory.class.getName(), StreamProvider.class.getName(),
            Greeting.class.getName()};

    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void clearProperties() {
        for (String property : PROPERTIES) {
            before.put(property, System.getProperty(property));
            System.clearProperty(property);
        }
    }

    @AfterEach
    void restoreProperties() {
        before.forEach((property, value) -> {
            if (value == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, value);
            }
        });
    }

    @Test
    void theLibrariesLookupsAreAnsweredByTheClassesTheyFoundAtStartUp() throws Exception {
        Class<?> datatypeFactory = DatatypeFactory.newInstance().getClass();
        Class<?> streamProvider = StreamProvider.provider().getClass();

        ServiceLookups.pinLibraryLookups();

        assertThat(System.getProperty(DatatypeFactory.class.getName())).isEqualTo(datatypeFactory.getName());
        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(streamProvider.getName());
        // and the libraries still get a working instance through the property
        assertThat(DatatypeFactory.newInstance()).isInstanceOf(datatypeFactory);
        assertThat(DatatypeFactory.newInstance().newDuration("PT24H").getHours()).isEqualTo(24);
        assertThat(StreamProvider.provider()).isInstanceOf(streamProvider);
    }

    @Test
    void aPropertyTheOperatorSetIsKept() {
        System.setProperty(Greeting.class.getName(), "com.example.OperatorsGreeting");

        ServiceLookups.pin(Greeting.class, Hello::new);

        assertThat(System.getProperty(Greeting.class.getName())).isEqualTo("com.example.OperatorsGreeting");
    }

    @Test
    void aClassTheSystemClassLoaderDoesNotKnowIsNotNamed() throws Exception {
        // as in the packaged jar, where the libraries' classes come from nested jars: a thread whose context class
        // loader is the system one would fail to load the class the property names instead of searching for one
        URL testClasses = Hello.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader nested = new URLClassLoader(new URL[] {testClasses}, ClassLoader.getPlatformClassLoader())) {
            Class<?> nestedHello = nested.loadClass(Hello.class.getName());
            assertThat(nestedHello).isNotEqualTo(Hello.class);

            ServiceLookups.pin(Greeting.class, () -> {
                try {
                    Constructor<?> constructor = nestedHello.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    return constructor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        assertThat(System.getProperty(Greeting.class.getName())).isNull();
    }

    @Test
    void aLookupThatFindsNothingLeavesThePropertyUnset() {
        ServiceLookups.pin(Greeting.class, () -> {
            throw new IllegalStateException("No provider of Greeting was found");
        });

        assertThat(System.getProperty(Greeting.class.getName())).isNull();

        ServiceLookups.pin(Greeting.class, Hello::new);

        assertThat(System.getProperty(Greeting.class.getName())).isEqualTo(Hello.class.getName());
    }
}
