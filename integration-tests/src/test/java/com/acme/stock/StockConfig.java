package com.acme.stock;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/** A plain Spring Framework application: HikariCP over H2, Spring-managed transactions, no Weft anywhere. */
@Configuration
@EnableTransactionManagement
public class StockConfig {
    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(System.getenv("STOCK_URL"));
        config.setUsername("sa");
        config.setMaximumPoolSize(StockApp.Variant.values().length * StockApp.THREADS + 1);
        return new HikariDataSource(config);
    }

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    public TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    public StockRows stockRows(DataSource dataSource) {
        return new StockRows(new JdbcTemplate(dataSource));
    }

    @Bean
    public StockService stockService(StockRows rows) {
        return new StockService(rows);
    }

    @Bean
    public Inventory inventory(StockRows rows) {
        return new InventoryService(rows);
    }

    @Bean
    public JdbcStock jdbcStock() {
        return new JdbcStock();
    }
}
