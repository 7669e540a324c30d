package org.healthcrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Health CRM: one Spring Boot application with the embedded process engine, screens and API. */
@SpringBootApplication
public class HealthCrmApplication {

    public static void main(String[] args) {
        SpringApplication.run(HealthCrmApplication.class, args);
    }
}
