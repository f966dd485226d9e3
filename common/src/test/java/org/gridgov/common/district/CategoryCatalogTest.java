package org.gridgov.common.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;
import org.gridgov.common.io.Tsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryCatalogTest {

    private static final CategoryCatalog C = CategoryCatalog.standard();

    @Test
    void hasAtLeastTwelveFirstLevelsWithOneNameEach() {
        Map<String, java.util.Set<String>> namesByCode = C.all().stream().collect(Collectors.groupingBy(
                Category::parentCode, Collectors.mapping(Category::parentName, Collectors.toSet())));
        assertThat(namesByCode).hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy((code, names) -> assertThat(names).as(code).hasSize(1));
        assertThat(C.all()).extracting(Category::parentName)
                .contains("城乡建设", "环境保护", "劳动和社会保障", "公共安全", "党务政务");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "C0101, 供暖,     C01, 城乡建设,       区城市管理局",
        "C0106, 排水积水, C01, 城乡建设,       区城乡水务局",
        "C0401, 拖欠工资, C04, 劳动和社会保障, 区人力资源社会保障局",
        "C1204, 网格服务, C12, 党务政务,       区委政法委",
    })
    void findsByCodeAndByName(String code, String name, String parentCode, String parentName, String department) {
        Category expected = new Category(code, name, parentCode, parentName, department);
        assertThat(C.find(code)).hasValue(expected);
        assertThat(C.get(code)).isEqualTo(expected);
        assertThat(C.byName(name)).hasValue(expected);
    }

    @Test
    void unknownCodeOrNameIsEmptyAndGetNamesTheCode() {
        assertThat(C.find("C9999")).isEmpty();
        assertThat(C.find("C01")).as("a first-level code is not a category").isEmpty();
        assertThat(C.find(null)).isEmpty();
        assertThat(C.byName("不存在的分类")).isEmpty();
        assertThatThrownBy(() -> C.get("C9999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown category C9999");
    }

    @Test
    void everyRowOfTheReferenceFileIsACategoryWithAUniqueCodeAndNameUnderItsParent() {
        // the catalogue is keyed by code, so a duplicated code in the file would silently drop a row
        assertThat(C.all()).hasSize(Tsv.read("gridgov/categories.tsv").size());
        assertThat(C.all()).extracting(Category::name).doesNotHaveDuplicates();
        assertThat(C.all()).allSatisfy(c -> {
            assertThat(c.code()).matches("C\\d{4}").startsWith(c.parentCode());
            assertThat(c.parentCode()).matches("C\\d{2}");
            assertThat(c.department()).isNotBlank();
        });
    }
}
