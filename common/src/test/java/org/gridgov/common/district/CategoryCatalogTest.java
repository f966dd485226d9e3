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
        Map<String, java.util.Set<String>> namesByCode = C.all().stream()
                .collect(Collectors.groupingBy(
                        Category::parentCode, Collectors.mapping(Category::parentName, Collectors.toSet())));
        assertThat(namesByCode)
                .hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy((code, names) -> assertThat(names).as(code).hasSize(1));
        assertThat(C.all()).extracting(Category::parentName).contains("城乡建设", "环境保护", "劳动和社会保障", "公共安全", "党务政务");
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
        assertThatThrownBy(() -> C.get("C9999"))
                .isInstanceOf(IllegalArgumentException.class)
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

    @Test
    void coversTheBreadthOfA12345KnowledgeBase() {
        assertThat(C.active()).hasSizeGreaterThanOrEqualTo(180);
        assertThat(C.active())
                .extracting(Category::parentName)
                .contains(
                        "城乡建设", "环境保护", "交通运输", "劳动和社会保障", "教育文体", "卫生计生", "商贸旅游", "国土资源", "经济管理", "科技与信息产业", "政法",
                        "纪检监察");
        // topics citizens write about, filed where hotline knowledge bases file them
        for (String[] nameAndParent : new String[][] {
            {"房产证办理", "城乡建设"},
            {"征收拆迁", "城乡建设"},
            {"住房公积金", "城乡建设"},
            {"城乡规划", "城乡建设"},
            {"建筑市场与招投标", "城乡建设"},
            {"城市公交", "城乡建设"},
            {"医疗保险", "劳动和社会保障"},
            {"工资标准与福利", "劳动和社会保障"},
            {"教师待遇", "教育文体"},
            {"学籍与转学", "教育文体"},
            {"基层医疗", "卫生计生"},
            {"快递邮政", "交通运输"},
            {"传销", "商贸旅游"},
            {"虚假广告", "商贸旅游"},
            {"景区管理", "商贸旅游"}
        }) {
            assertThat(C.byName(nameAndParent[0]))
                    .as(nameAndParent[0])
                    .hasValueSatisfying(c -> assertThat(c.parentName()).isEqualTo(nameAndParent[1]));
        }
    }

    @Test
    void retiredCodesKeepTheirMeaningAndNameTheCategoryThatCoversThemNow() {
        Category oldInsurance = C.get("C0604");
        assertThat(oldInsurance.name()).isEqualTo("医保报销");
        assertThat(oldInsurance.parentName()).isEqualTo("卫生计生");
        assertThat(C.isActive("C0604")).isFalse();
        assertThat(C.current("C0604").name()).isEqualTo("医疗保险");
        assertThat(C.current("C0604").parentName()).isEqualTo("劳动和社会保障");
        assertThat(C.current("C0101")).isEqualTo(C.get("C0101"));
        assertThat(C.active()).noneMatch(c -> c.code().equals("C0604")).allMatch(c -> C.isActive(c.code()));
        assertThat(C.all())
                .allSatisfy(
                        c -> assertThat(C.isActive(C.current(c.code()).code())).isTrue());
    }

    @Test
    void everyCategoryHasATimeLimitAndExistingCodesKeepTheOneTheServiceApplied() {
        assertThat(C.all())
                .allSatisfy(c -> assertThat(C.timeLimitHours(c.code())).isBetween(24, 720));
        // what case-service's reference data gave before the catalogue carried time limits: C04 72 h, C09 48 h, 120 h
        assertThat(C.timeLimitHours("C0101")).isEqualTo(120);
        assertThat(C.timeLimitHours("C0401")).isEqualTo(72);
        assertThat(C.timeLimitHours("C0902")).isEqualTo(48);
        assertThatThrownBy(() -> C.timeLimitHours("C9999")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hiddenDangersAreSafetyCategoriesOfTheCatalogue() {
        assertThat(CategoryCatalog.HIDDEN_DANGERS)
                .allSatisfy(code -> assertThat(C.find(code)).as(code).isPresent());
        assertThat(CategoryCatalog.HIDDEN_DANGERS.stream()
                        .map(code -> C.get(code).name()))
                .containsExactlyInAnyOrder("燃气管理", "房屋安全", "消防安全", "燃气安全", "高空抛物", "安全生产", "防汛与应急管理");
        assertThat(C.isHiddenDanger("C0901")).isTrue();
        assertThat(C.isHiddenDanger("C0902")).as("治安问题").isFalse();
        assertThat(C.isHiddenDanger("C0204")).as("垃圾清运").isFalse();
        assertThat(C.isHiddenDanger("C9999")).isFalse();
        assertThat(C.isHiddenDanger(null)).isFalse();
    }
}
