package dev.maml.yaml;

/** A scalar's type under the YAML 1.2 core schema. */
public enum ScalarType {
    NULL, BOOLEAN, INTEGER, FLOAT, STRING
}
